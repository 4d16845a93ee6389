/// Why a running device driver could not take a reading or drive a parameter.
public enum DeviceDriverError: Error, Sendable, Hashable {
    /// The device answered, but with a frame the driver refused (checksum, range, shape).
    case refused(DriverError)
    /// The bus failed: a NACK, an I/O error, a write the kernel did not take.
    case bus(String)
    /// No answer within the driver's deadline.
    case timeout(Duration)
    /// The device is gone (adapter unplugged, sysfs directory removed).
    case gone(String)
    /// The driver cannot do what was asked (a parameter it does not drive).
    case unsupported(String)
}

extension DeviceDriverError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .refused(error): "\(error)"
        case let .bus(reason): "bus error: \(reason)"
        case let .timeout(limit): "no answer within \(limit)"
        case let .gone(reason): "device gone: \(reason)"
        case let .unsupported(reason): reason
        }
    }
}
