import Glibc

/// Why an I2C bus could not be opened or a transaction failed, naming the bus and the
/// device address. The bus faults the kernel tells apart stay apart: a device that does not
/// answer is not a timeout, and neither is a lost arbitration.
public enum I2CError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No such bus; `available` lists the adapters there are, as "i2c-1 (bcm2835 (i2c@7e804000))".
    case busNotFound(String, available: [String])
    case permissionDenied(PermissionDenial)
    case openFailed(bus: String, SystemErrorCode)
    /// The address was not acknowledged: nothing there, unpowered, or miswired.
    case noAnswer(bus: String, address: I2CAddress)
    case timedOut(bus: String, address: I2CAddress)
    /// Another master drove the bus at the same time.
    case arbitrationLost(bus: String, address: I2CAddress)
    /// The bus stayed busy too long (a device holding SDA low, say); it may need a reset.
    case busBusy(bus: String, address: I2CAddress)
    /// The packet error code of a read did not match its bytes.
    case packetErrorCheckFailed(bus: String, address: I2CAddress)
    /// The device answered in a way the protocol does not allow, such as a bad block length.
    case protocolViolation(bus: String, address: I2CAddress)
    /// A kernel driver has claimed the address, so user space may not use it.
    case addressClaimedByKernelDriver(bus: String, address: I2CAddress, driver: String?)
    /// The adapter cannot run this kind of transaction (or packet error checking).
    case unsupported(bus: String, operation: String)
    /// The transaction was refused before anything was sent.
    case invalidTransaction(bus: String, reason: String)
    /// The bus returned a different number of bytes than the transaction asked for.
    case unexpectedLength(bus: String, address: I2CAddress, expected: ClosedRange<Int>, received: Int)
    case transferFailed(bus: String, address: I2CAddress, SystemErrorCode)
    case closed(bus: String)

    /// The error a failed transfer's `errno` stands for, after the kernel's
    /// Documentation/i2c/fault-codes.rst. ENXIO is the standard "no acknowledge";
    /// Raspberry Pi's bcm2835 driver says EREMOTEIO, and i2c-stub ENODEV.
    static func transfer(_ code: SystemErrorCode, bus: String, address: I2CAddress) -> I2CError {
        switch code.rawValue {
        case ENXIO, EREMOTEIO, ENODEV: .noAnswer(bus: bus, address: address)
        case ETIMEDOUT: .timedOut(bus: bus, address: address)
        case EAGAIN: .arbitrationLost(bus: bus, address: address)
        case EBUSY: .busBusy(bus: bus, address: address)
        case EBADMSG: .packetErrorCheckFailed(bus: bus, address: address)
        case EPROTO: .protocolViolation(bus: bus, address: address)
        case EOPNOTSUPP: .unsupported(bus: bus, operation: "this transaction")
        default: .transferFailed(bus: bus, address: address, code)
        }
    }

    public var description: String {
        switch self {
        case .busNotFound(let bus, let available):
            "no I2C bus \(bus) (is the i2c-dev module loaded?); adapters: "
                + (available.isEmpty ? "none" : available.joined(separator: ", "))
        case .permissionDenied(let denial): denial.description
        case .openFailed(let bus, let code): "cannot open I2C bus \(bus): \(code)"
        case .noAnswer(let bus, let address): "no answer from \(address) on \(bus) (not acknowledged)"
        case .timedOut(let bus, let address): "I2C transfer to \(address) on \(bus) timed out"
        case .arbitrationLost(let bus, let address): "lost arbitration talking to \(address) on \(bus)"
        case .busBusy(let bus, let address): "\(bus) stayed busy talking to \(address)"
        case .packetErrorCheckFailed(let bus, let address):
            "packet error check failed: the PEC byte from \(address) on \(bus) does not match the bytes read"
        case .protocolViolation(let bus, let address): "\(address) on \(bus) broke the SMBus protocol"
        case .addressClaimedByKernelDriver(let bus, let address, let driver):
            "\(address) on \(bus) is claimed by kernel driver \(driver ?? "(unknown)"); use its sysfs/IIO interface or unbind it"
        case .unsupported(let bus, let operation): "the adapter of \(bus) cannot do \(operation)"
        case .invalidTransaction(let bus, let reason): "refused on \(bus): \(reason)"
        case .unexpectedLength(let bus, let address, let expected, let received):
            "\(address) on \(bus) returned \(received) bytes, expected "
                + (expected.count == 1 ? "\(expected.lowerBound)" : "\(expected.lowerBound)…\(expected.upperBound)")
        case .transferFailed(let bus, let address, let code): "I2C transfer to \(address) on \(bus) failed: \(code)"
        case .closed(let bus): "I2C bus \(bus) is closed"
        }
    }
}
