import Testing
@testable import Drivers

/// Fixtures: anchors.md part (d), "Modbus RTU" (read holding registers, its reply, the exception
/// `01 83 02 C0 F1`); the unit-17 frames for functions 04, 06 and 16 are the Simply Modbus
/// tutorial examples. Every CRC here was checked with an independent script.
struct ModbusTests {
    @Test(arguments: [
        (ModbusRequest.readHoldingRegisters(unit: 1, start: 0, count: 2), "01 03 00 00 00 02 c4 0b"),
        (.readInputRegisters(unit: 17, start: 8, count: 1), "11 04 00 08 00 01 b2 98"),
        (.writeSingleRegister(unit: 17, address: 1, value: 3), "11 06 00 01 00 03 9a 9b"),
        (.writeMultipleRegisters(unit: 17, start: 1, values: [0x000A, 0x0102]), "11 10 00 01 00 02 04 00 0a 01 02 c6 f0"),
    ])
    func requestFrames(request: ModbusRequest, hex: String) throws {
        #expect(try request.frame() == hexBytes(hex))
    }

    @Test(arguments: [
        (ModbusRequest.readHoldingRegisters(unit: 1, start: 0, count: 0), "count"),
        (.readInputRegisters(unit: 1, start: 0, count: 126), "count"),
        (.readHoldingRegisters(unit: 248, start: 0, count: 1), "unit"),
        (.readHoldingRegisters(unit: 0, start: 0, count: 1), "unit"),
        (.readHoldingRegisters(unit: 1, start: 65535, count: 2), "start"),
        (.writeMultipleRegisters(unit: 1, start: 0, values: []), "values"),
        (.writeMultipleRegisters(unit: 1, start: 0, values: Array(repeating: 0, count: 124)), "values"),
    ])
    func requestsOutsideTheStandardAreRefused(request: ModbusRequest, setting: String) {
        guard case .invalidSetting(.modbus, setting, _) = driverError({ try request.frame() }) else {
            Issue.record("\(request) not refused for its \(setting)")
            return
        }
    }

    @Test func broadcastWritesExpectNoAnswer() throws {
        let request = ModbusRequest.writeSingleRegister(unit: 0, address: 1, value: 3)
        #expect(!request.expectsResponse)
        #expect(try request.frame().count == 8)
    }

    @Test(arguments: [
        (ModbusRequest.readHoldingRegisters(unit: 1, start: 0, count: 2), "01 03 04 00 ea 01 2c db 8a", ModbusResponse.registers([234, 300])),
        (.readInputRegisters(unit: 17, start: 8, count: 1), "11 04 02 00 0a f8 f4", .registers([10])),
        (.writeSingleRegister(unit: 17, address: 1, value: 3), "11 06 00 01 00 03 9a 9b", .wroteSingleRegister(address: 1, value: 3)),
        (.writeMultipleRegisters(unit: 17, start: 1, values: [10, 258]), "11 10 00 01 00 02 12 98", .wroteMultipleRegisters(start: 1, count: 2)),
    ])
    func responses(request: ModbusRequest, hex: String, expected: ModbusResponse) throws {
        #expect(try ModbusResponse(frame: hexBytes(hex), answering: request) == expected)
    }

    static let readTwo = ModbusRequest.readHoldingRegisters(unit: 1, start: 0, count: 2)

    @Test(arguments: [
        (readTwo, "01 83 02 c0 f1", DriverError.modbusException(unit: 1, function: 3, code: .illegalDataAddress)),
        (readTwo, "01 03 04 00 ea 01 2c db 8b", .badChecksum(sensor: .modbus, expected: 0x8ADB, actual: 0x8BDB)),
        (readTwo, "01 03 04 00 ea 01 2c db", .truncated(sensor: .modbus, expected: 9, got: 8)),
        (readTwo, "01 83 02 c0", .truncated(sensor: .modbus, expected: 5, got: 4)),
        (readTwo, "01", .truncated(sensor: .modbus, expected: 9, got: 1)),
        (readTwo, "01 03 04 00 ea 01 2c db 8a 00", .malformed(sensor: .modbus, reason: "1 bytes after the 9-byte frame")),
        (readTwo, "02 03 04 00 ea 01 2c e8 8a", .malformed(sensor: .modbus, reason: "answer from unit 2, asked unit 1")),
        (readTwo, "01 04 04 00 ea 01 2c da 3d", .malformed(sensor: .modbus, reason: "answer for function 4, asked function 3")),
        (readTwo, "01 03 03 00 ea 01 2c 6e 4a", .malformed(sensor: .modbus, reason: "byte count 3 for 2 registers")),
        (.writeSingleRegister(unit: 17, address: 1, value: 3), "11 06 00 01 00 04 db 59",
         .malformed(sensor: .modbus, reason: "echo 4 at 1, wrote 3 at 1")),
    ])
    func badResponsesAreRefused(request: ModbusRequest, hex: String, expected: DriverError) throws {
        let bytes = try hexBytes(hex)
        #expect(driverError { try ModbusResponse(frame: bytes, answering: request) } == expected)
    }

    @Test func exceptionCodesAreNamed() {
        #expect(ModbusExceptionCode.serverDeviceBusy.description == "0x06 (server device busy)")
        #expect(ModbusExceptionCode(rawValue: 0x42).description == "0x42")
    }

    @Test func responseLengthFromItsFirstBytes() {
        #expect(ModbusResponse.expectedLength(prefix: [0x01], answering: Self.readTwo) == nil)
        #expect(ModbusResponse.expectedLength(prefix: [0x01, 0x03], answering: Self.readTwo) == 9)
        #expect(ModbusResponse.expectedLength(prefix: [0x01, 0x83], answering: Self.readTwo) == 5)
    }

    // IEEE-754: 123.456 as float32 is 0x42F6E979; −2 as int32 is 0xFFFFFFFE.
    @Test(arguments: [
        (ModbusRegisterFormat(type: .int16), [0xFFFE], -2),
        (ModbusRegisterFormat(type: .uint16), [0xFFFE], 65534),
        (ModbusRegisterFormat(type: .int16, order: .badc), [0xFEFF], -2),
        (ModbusRegisterFormat(type: .int32), [0xFFFF, 0xFFFE], -2),
        (ModbusRegisterFormat(type: .int32, order: .cdab), [0xFFFE, 0xFFFF], -2),
        (ModbusRegisterFormat(type: .uint32), [0x0001, 0x0000, 0x1234], 65536),
        (ModbusRegisterFormat(type: .float32), [0x42F6, 0xE979], Double(Float(123.456))),
        (ModbusRegisterFormat(type: .float32, order: .cdab), [0xE979, 0x42F6], Double(Float(123.456))),
        (ModbusRegisterFormat(type: .float32, order: .badc), [0xF642, 0x79E9], Double(Float(123.456))),
        (ModbusRegisterFormat(type: .float32, order: .dcba), [0x79E9, 0xF642], Double(Float(123.456))),
        // A temperature register in 0.1 °C with a −40 °C offset: 515 × 0.1 − 40.
        (ModbusRegisterFormat(type: .uint16, scale: 0.1, offset: -40), [515], 11.5),
    ] as [(ModbusRegisterFormat, [UInt16], Double)])
    func registerDecoding(format: ModbusRegisterFormat, registers: [UInt16], expected: Double) throws {
        #expect(abs(try format.decode(registers) - expected) < 1e-9)
    }

    @Test func undecodableRegistersAreRefused() {
        #expect(driverError { try ModbusRegisterFormat(type: .int32).decode([1]) } == .truncated(sensor: .modbus, expected: 2, got: 1))
        #expect(driverError { try ModbusRegisterFormat(type: .float32).decode([0x7FC0, 0x0000]) } == .malformed(sensor: .modbus, reason: "float32 register value is nan"))
    }
}
