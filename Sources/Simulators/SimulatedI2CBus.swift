import Hardware
import Synchronization

/// An I2C bus with simulated devices on it, behind the same protocol as `LinuxI2CBus`: a
/// transaction goes to the device at its address, and an address where nothing sits is not
/// acknowledged (`I2CError.noAnswer`), exactly as the kernel reports it.
public final class SimulatedI2CBus: I2CBus {
    public let name: String
    private let devices = Mutex<[I2CAddress: any SimulatedI2CDevice]>([:])

    public init(name: String = "/dev/i2c-1") {
        self.name = name
    }

    /// Puts a device at `address`, replacing any there.
    public func attach(_ device: any SimulatedI2CDevice, at address: I2CAddress) {
        devices.withLock { $0[address] = device }
    }

    /// Takes the device at `address` off the bus, as when it is unplugged.
    public func detach(at address: I2CAddress) {
        _ = devices.withLock { $0.removeValue(forKey: address) }
    }

    public func device(at address: I2CAddress) -> (any SimulatedI2CDevice)? {
        devices.withLock { $0[address] }
    }

    public func perform(
        _ transaction: I2CTransaction,
        at address: I2CAddress,
        packetErrorChecking: Bool
    ) async throws(I2CError) -> [UInt8] {
        guard let device = device(at: address), let answer = device.respond(to: transaction) else {
            throw .noAnswer(bus: name, address: address)
        }
        return answer
    }
}
