/// A server's answer to a `ModbusRequest`, checked against the request it answers.
///
/// An exception response becomes `DriverError.modbusException` naming the code; a response from
/// another unit, for another function or with an echo that differs from the request is refused,
/// because on a shared RS-485 bus it is a late answer to someone else's question.
public enum ModbusResponse: Sendable, Hashable {
    case registers([UInt16])
    case wroteSingleRegister(address: UInt16, value: UInt16)
    case wroteMultipleRegisters(start: UInt16, count: UInt16)

    /// Length of an exception response: unit, function | 0x80, code, CRC.
    public static let exceptionLength = 5

    /// How many bytes the response to `request` takes, known from its first two bytes;
    /// `nil` until they have arrived. Lets the serial layer stop reading at the frame's end
    /// instead of waiting for the 3.5-character silence.
    public static func expectedLength(prefix: [UInt8], answering request: ModbusRequest) -> Int? {
        guard prefix.count >= 2 else { return nil }
        return prefix[1] == request.functionCode | 0x80 ? exceptionLength : request.responseLength
    }

    public init(frame: [UInt8], answering request: ModbusRequest) throws(DriverError) {
        let expected = Self.expectedLength(prefix: frame, answering: request) ?? request.responseLength
        guard frame.count >= expected else {
            throw .truncated(sensor: .modbus, expected: expected, got: frame.count)
        }
        guard frame.count == expected else {
            throw .malformed(sensor: .modbus, reason: "\(frame.count - expected) bytes after the \(expected)-byte frame")
        }
        let received = frame.littleEndianUInt16(at: expected - 2)
        let computed = CRC16Modbus.checksum(frame[0..<(expected - 2)])
        guard received == computed else {
            throw .badChecksum(sensor: .modbus, expected: computed, actual: received)
        }
        guard frame[0] == request.unit else {
            throw .malformed(sensor: .modbus, reason: "answer from unit \(frame[0]), asked unit \(request.unit)")
        }
        if frame[1] == request.functionCode | 0x80 {
            throw .modbusException(
                unit: request.unit, function: request.functionCode, code: ModbusExceptionCode(rawValue: frame[2])
            )
        }
        guard frame[1] == request.functionCode else {
            throw .malformed(
                sensor: .modbus, reason: "answer for function \(frame[1]), asked function \(request.functionCode)"
            )
        }
        switch request {
        case let .readHoldingRegisters(_, _, count), let .readInputRegisters(_, _, count):
            guard Int(frame[2]) == 2 * Int(count) else {
                throw .malformed(sensor: .modbus, reason: "byte count \(frame[2]) for \(count) registers")
            }
            self = .registers((0..<Int(count)).map { frame.bigEndianUInt16(at: 3 + 2 * $0) })
        case let .writeSingleRegister(_, address, value):
            let echo = (frame.bigEndianUInt16(at: 2), frame.bigEndianUInt16(at: 4))
            guard echo == (address, value) else {
                throw .malformed(
                    sensor: .modbus, reason: "echo \(echo.1) at \(echo.0), wrote \(value) at \(address)"
                )
            }
            self = .wroteSingleRegister(address: address, value: value)
        case let .writeMultipleRegisters(_, start, values):
            let echo = (frame.bigEndianUInt16(at: 2), frame.bigEndianUInt16(at: 4))
            guard echo == (start, UInt16(values.count)) else {
                throw .malformed(
                    sensor: .modbus,
                    reason: "echo \(echo.1) registers at \(echo.0), wrote \(values.count) at \(start)"
                )
            }
            self = .wroteMultipleRegisters(start: start, count: UInt16(values.count))
        }
    }
}
