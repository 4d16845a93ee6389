@testable import Hardware

extension LinuxI2CBus {
    /// The device at `address` on this bus; tests name addresses as plain numbers.
    func device(_ address: Int, packetErrorChecking: Bool = false) throws -> I2CDevice {
        guard let checked = I2CAddress(address) else { throw TestFailure("\(address) is no 7-bit I2C address") }
        return I2CDevice(bus: self, address: checked, packetErrorChecking: packetErrorChecking)
    }
}
