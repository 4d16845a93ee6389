import Dispatch
import Glibc
import Synchronization

/// An I2C bus on Linux: `/dev/i2c-N` of the `i2c-dev` module, found by bus number or by
/// adapter name.
///
/// Every transaction runs on the bus's own serial dispatch queue. The ioctls block for as
/// long as the transfer takes — milliseconds, or the adapter's timeout when a device
/// stretches the clock — so they stay off the event loop and Swift's cooperative pool; and
/// the queue is the bus lock that all devices on the bus share: one transaction in flight
/// per bus, in the order they were asked for.
public final class LinuxI2CBus: I2CBus {
    public let number: Int
    /// The device node, such as `/dev/i2c-1`.
    public let path: String
    /// The adapter's name from sysfs, when sysfs lists it.
    public let adapterName: String?
    /// What the adapter can do; transactions it cannot are refused before they are sent.
    public let functionality: I2CFunctionality

    public var name: String { path }

    private let sysfs: SysfsRoot
    private let queue: DispatchQueue
    /// The open descriptor; `nil` once closed. Used on `queue` only, guarded for Sendable.
    private let descriptor: Mutex<Int32?>

    private init(number: Int, path: String, adapterName: String?, functionality: I2CFunctionality,
                 descriptor: Int32, sysfs: SysfsRoot) {
        self.number = number
        self.path = path
        self.adapterName = adapterName
        self.functionality = functionality
        self.sysfs = sysfs
        self.queue = DispatchQueue(label: "i2c-\(number)")
        self.descriptor = Mutex(descriptor)
    }

    deinit {
        descriptor.withLock { descriptor in
            if let open = descriptor { Glibc.close(open) }
        }
    }

    /// Opens `/dev/i2c-<number>`.
    public static func open(
        number: Int,
        deviceDirectory: String = "/dev",
        sysfs: SysfsRoot = .system
    ) throws(I2CError) -> LinuxI2CBus {
        let adapters = I2CAdapter.all(sysfs: sysfs)
        let path = "\(deviceDirectory)/i2c-\(number)"
        let descriptor = Glibc.open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = SystemErrorCode.current
            switch code.rawValue {
            case ENOENT, ENODEV, ENXIO:
                throw .busNotFound(path, available: adapters.map(\.description))
            case EACCES, EPERM:
                throw .permissionDenied(PermissionDenial(path: path, conventionalGroup: "i2c", udevSubsystem: "i2c-dev"))
            default:
                throw .openFailed(bus: path, code)
            }
        }
        var mask: UInt = 0
        guard ioctl(descriptor, I2CKernelInterface.functionality, &mask) == 0 else {
            let code = SystemErrorCode.current
            Glibc.close(descriptor)
            throw .openFailed(bus: path, code)
        }
        return LinuxI2CBus(
            number: number,
            path: path,
            adapterName: adapters.first { $0.number == number }?.name,
            functionality: I2CFunctionality(rawValue: mask),
            descriptor: descriptor,
            sysfs: sysfs
        )
    }

    /// Opens the bus of the adapter with this name — the lowest-numbered one if several
    /// share it — so a configuration survives bus renumbering.
    public static func open(
        adapterNamed adapterName: String,
        deviceDirectory: String = "/dev",
        sysfs: SysfsRoot = .system
    ) throws(I2CError) -> LinuxI2CBus {
        let adapters = I2CAdapter.all(sysfs: sysfs)
        guard let adapter = adapters.first(where: { $0.name == adapterName }) else {
            throw .busNotFound("named \"\(adapterName)\"", available: adapters.map(\.description))
        }
        return try open(number: adapter.number, deviceDirectory: deviceDirectory, sysfs: sysfs)
    }

    public func perform(
        _ transaction: I2CTransaction,
        at address: I2CAddress,
        packetErrorChecking: Bool
    ) async throws(I2CError) -> [UInt8] {
        if let reason = transaction.invalidity {
            throw .invalidTransaction(bus: path, reason: reason)
        }
        guard functionality.isSuperset(of: transaction.requiredFunctionality) else {
            throw .unsupported(bus: path, operation: transaction.name)
        }
        let usesPEC: Bool
        switch transaction {
        case .combined:
            usesPEC = false  // PEC is an SMBus notion; a combined transfer carries its own bytes.
        case .readBlock, .writeBlock:
            // The kernel puts no PEC on I2C block transfers (i2c_smbus_xfer_emulated and SMBus
            // controllers leave them out), so asking for it would leave the bytes unchecked
            // without a word.
            guard !packetErrorChecking else {
                throw .invalidTransaction(
                    bus: path, reason: "an \(transaction.name) carries no PEC; use an SMBus block transfer")
            }
            usesPEC = false
        default:
            usesPEC = packetErrorChecking
        }
        if usesPEC && !functionality.contains(.packetErrorChecking) {
            throw .unsupported(bus: path, operation: "SMBus packet error checking (PEC)")
        }
        return try await queue.blockingCall { () throws(I2CError) -> [UInt8] in
            try self.performOnQueue(transaction, at: address, packetErrorChecking: usesPEC)
        }
    }

    /// Closes the bus after the transactions already asked for.
    public func close() async {
        await queue.blockingCall {
            self.descriptor.withLock { descriptor in
                if let open = descriptor { Glibc.close(open) }
                descriptor = nil
            }
        }
    }

    private func performOnQueue(
        _ transaction: I2CTransaction,
        at address: I2CAddress,
        packetErrorChecking: Bool
    ) throws(I2CError) -> [UInt8] {
        guard let descriptor = descriptor.withLock({ $0 }) else {
            throw .closed(bus: path)
        }
        guard ioctl(descriptor, I2CKernelInterface.setAddress, CInt(address.rawValue)) == 0 else {
            let code = SystemErrorCode.current
            if code.rawValue == EBUSY {
                // The client's sysfs name: bus number, dash, four hex digits ("1-0076").
                let hex = String(address.rawValue, radix: 16)
                let client = "\(number)-" + String(repeating: "0", count: 4 - hex.count) + hex
                let driver = FileAccess.linkTargetName(sysfs.appending("bus/i2c/devices/\(client)/driver"))
                throw .addressClaimedByKernelDriver(bus: path, address: address, driver: driver)
            }
            throw .transferFailed(bus: path, address: address, code)
        }
        let file = I2CDeviceFile(descriptor: descriptor, bus: path, address: address)
        if case .combined(let messages) = transaction {
            return try file.combined(messages)
        }
        guard ioctl(descriptor, I2CKernelInterface.packetErrorChecking, CInt(packetErrorChecking ? 1 : 0)) == 0 else {
            throw .transferFailed(bus: path, address: address, .current)
        }
        return try file.smbus(transaction)
    }
}
