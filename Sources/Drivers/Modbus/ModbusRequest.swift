/// A Modbus RTU request the gateway sends to a meter, relay or sensor on an RS-485 bus.
///
/// `frame()` checks the limits of the Modbus Application Protocol specification and returns the
/// bytes to write, CRC included. Unit 0 is broadcast: servers execute broadcast writes and never
/// answer, so reads to unit 0 are refused.
public enum ModbusRequest: Sendable, Hashable {
    /// Function 0x03.
    case readHoldingRegisters(unit: UInt8, start: UInt16, count: UInt16)
    /// Function 0x04; most energy meters keep their measurements here.
    case readInputRegisters(unit: UInt8, start: UInt16, count: UInt16)
    /// Function 0x06.
    case writeSingleRegister(unit: UInt8, address: UInt16, value: UInt16)
    /// Function 0x10.
    case writeMultipleRegisters(unit: UInt8, start: UInt16, values: [UInt16])

    /// Most registers one read may ask for (the response's byte count must fit one byte).
    public static let maximumReadCount: UInt16 = 125
    /// Most registers one write may carry.
    public static let maximumWriteCount = 123

    public var unit: UInt8 {
        switch self {
        case let .readHoldingRegisters(unit, _, _), let .readInputRegisters(unit, _, _),
            let .writeSingleRegister(unit, _, _), let .writeMultipleRegisters(unit, _, _):
            unit
        }
    }

    public var functionCode: UInt8 {
        switch self {
        case .readHoldingRegisters: 0x03
        case .readInputRegisters: 0x04
        case .writeSingleRegister: 0x06
        case .writeMultipleRegisters: 0x10
        }
    }

    /// Whether a server answers at all: broadcast writes get no response.
    public var expectsResponse: Bool {
        unit != 0
    }

    /// The request as sent on the wire: unit, function, data, CRC low byte, CRC high byte.
    public func frame() throws(DriverError) -> [UInt8] {
        guard unit <= 247 else {
            throw .invalidSetting(sensor: .modbus, setting: "unit", reason: "\(unit) is outside 0…247")
        }
        var pdu = [unit, functionCode]
        switch self {
        case let .readHoldingRegisters(_, start, count), let .readInputRegisters(_, start, count):
            guard unit != 0 else {
                throw .invalidSetting(sensor: .modbus, setting: "unit", reason: "a read cannot be broadcast")
            }
            guard (1...Self.maximumReadCount).contains(count) else {
                throw .invalidSetting(
                    sensor: .modbus, setting: "count", reason: "\(count) is outside 1…\(Self.maximumReadCount)"
                )
            }
            try Self.checkAddressRange(start: start, count: Int(count))
            pdu += Self.bigEndian(start) + Self.bigEndian(count)
        case let .writeSingleRegister(_, address, value):
            pdu += Self.bigEndian(address) + Self.bigEndian(value)
        case let .writeMultipleRegisters(_, start, values):
            guard (1...Self.maximumWriteCount).contains(values.count) else {
                throw .invalidSetting(
                    sensor: .modbus,
                    setting: "values",
                    reason: "\(values.count) registers is outside 1…\(Self.maximumWriteCount)"
                )
            }
            try Self.checkAddressRange(start: start, count: values.count)
            pdu += Self.bigEndian(start) + Self.bigEndian(UInt16(values.count)) + [UInt8(values.count * 2)]
            pdu += values.flatMap(Self.bigEndian)
        }
        return CRC16Modbus.appending(to: pdu)
    }

    /// Bytes in the normal (non-exception) response: unit, function, payload, two CRC bytes.
    public var responseLength: Int {
        switch self {
        case let .readHoldingRegisters(_, _, count), let .readInputRegisters(_, _, count):
            5 + 2 * Int(count)
        case .writeSingleRegister, .writeMultipleRegisters:
            8
        }
    }

    private static func checkAddressRange(start: UInt16, count: Int) throws(DriverError) {
        guard Int(start) + count <= 0x10000 else {
            throw .invalidSetting(
                sensor: .modbus, setting: "start", reason: "\(count) registers from \(start) run past 65535"
            )
        }
    }

    private static func bigEndian(_ word: UInt16) -> [UInt8] {
        [UInt8(word >> 8), UInt8(truncatingIfNeeded: word)]
    }
}
