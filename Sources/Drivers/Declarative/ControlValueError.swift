/// Why a value for a control parameter was refused before anything reached the device. The
/// XMPP layer turns it into a stanza error that names the limit.
public enum ControlValueError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownParameter(String)
    case notWritable(String)
    /// Outside the parameter's range, or not a finite number.
    case outOfRange(parameter: String, value: Double, limit: ClosedRange<Double>?)
    /// Inside the range but not storable in the register's type after scale and offset.
    case notRepresentable(parameter: String, value: Double, type: ModbusRegisterFormat.ValueType)

    public var description: String {
        switch self {
        case let .unknownParameter(name):
            "no parameter \(name)"
        case let .notWritable(name):
            "parameter \(name) is read-only"
        case let .outOfRange(name, value, limit?):
            "\(name): \(value) is outside \(limit.lowerBound)…\(limit.upperBound)"
        case let .outOfRange(name, value, nil):
            "\(name): \(value) is not a finite number"
        case let .notRepresentable(name, value, type):
            "\(name): \(value) does not fit the register's \(type)"
        }
    }
}
