/// The code in a Modbus exception response (function | 0x80, then this byte).
///
/// A struct rather than an enum so that a code the standard does not name still reaches the log.
public struct ModbusExceptionCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let illegalFunction = ModbusExceptionCode(rawValue: 0x01)
    public static let illegalDataAddress = ModbusExceptionCode(rawValue: 0x02)
    public static let illegalDataValue = ModbusExceptionCode(rawValue: 0x03)
    public static let serverDeviceFailure = ModbusExceptionCode(rawValue: 0x04)
    public static let acknowledge = ModbusExceptionCode(rawValue: 0x05)
    public static let serverDeviceBusy = ModbusExceptionCode(rawValue: 0x06)
    public static let memoryParityError = ModbusExceptionCode(rawValue: 0x08)
    public static let gatewayPathUnavailable = ModbusExceptionCode(rawValue: 0x0A)
    public static let gatewayTargetFailedToRespond = ModbusExceptionCode(rawValue: 0x0B)

    /// The name the Modbus Application Protocol specification (section 7) gives the code.
    public var name: String? {
        switch rawValue {
        case 0x01: "illegal function"
        case 0x02: "illegal data address"
        case 0x03: "illegal data value"
        case 0x04: "server device failure"
        case 0x05: "acknowledge"
        case 0x06: "server device busy"
        case 0x08: "memory parity error"
        case 0x0A: "gateway path unavailable"
        case 0x0B: "gateway target device failed to respond"
        default: nil
        }
    }

    public var description: String {
        let code = "0x" + (rawValue < 0x10 ? "0" : "") + String(rawValue, radix: 16, uppercase: true)
        return name.map { "\(code) (\($0))" } ?? code
    }
}
