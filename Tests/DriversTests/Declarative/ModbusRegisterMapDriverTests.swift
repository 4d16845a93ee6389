import Foundation
import Testing
@testable import Drivers

struct ModbusRegisterMapDriverTests {
    func meter() throws -> ModbusRegisterMapDriver {
        let file = "sdm120-modbus.yaml"
        return try ModbusRegisterMapDriver(
            model: DeviceModel(contentsOf: devicesDirectory.appendingPathComponent(file).path, file: file)
        )
    }

    @Test func readsAreGroupedByTableAndGap() throws {
        let meter = try meter()
        #expect(meter.readBlocks.map(\.request) == [
            .readInputRegisters(unit: 1, start: 0x0000, count: 32),
            .readInputRegisters(unit: 1, start: 0x0046, count: 4),
            .readInputRegisters(unit: 1, start: 0x0156, count: 2),
            .readHoldingRegisters(unit: 1, start: 0x0002, count: 2),
        ])
        #expect(meter.readBlocks[1].registers.map(\.name) == ["frequency", "import_energy"])
    }

    @Test func contiguousRegistersOnlyWithoutAGapAndWithinTheReadLimit() {
        let format = ModbusRegisterFormat(type: .uint16)
        let registers = [0, 1, 2, 4, 5].map { ModbusRegister(name: "r\($0)", table: .holding, address: UInt16($0), format: format) }
        let map = ModbusRegisterMap(registers: registers, unit: 7, maximumReadCount: 2)
        #expect(map.readBlocks.map(\.request) == [
            .readHoldingRegisters(unit: 7, start: 0, count: 2),
            .readHoldingRegisters(unit: 7, start: 2, count: 1),
            .readHoldingRegisters(unit: 7, start: 4, count: 2),
        ])
    }

    @Test func decodesAnAnswerIntoReadings() throws {
        var meter = try meter()
        let block = meter.readBlocks[1]
        // 50.0 Hz and 1234.5 kWh as big-endian float32.
        let frame = CRC16Modbus.appending(to: [0x01, 0x04, 0x08, 0x42, 0x48, 0x00, 0x00, 0x44, 0x9A, 0x50, 0x00])
        #expect(try meter.decode(frame, answering: block) == [
            FieldReading(field: "frequency", value: .number(50)), FieldReading(field: "import_energy", value: .number(1234.5)),
        ])
    }

    @Test func aRegisterThatDoesNotDecodeIsCountedAndTheOthersKept() throws {
        var meter = try meter()
        let frame = CRC16Modbus.appending(to: [0x01, 0x04, 0x08, 0x7F, 0xC0, 0x00, 0x00, 0x44, 0x9A, 0x50, 0x00])
        #expect(try meter.decode(frame, answering: meter.readBlocks[1]).map(\.field) == ["import_energy"])
        #expect(meter.valuesRefused == 1)
    }

    @Test func aBadCRCOrAnExceptionThrows() throws {
        var meter = try meter()
        var frame = CRC16Modbus.appending(to: [0x01, 0x04, 0x08, 0x42, 0x48, 0x00, 0x00, 0x44, 0x9A, 0x50, 0x00])
        frame[4] ^= 0x01
        #expect(driverError { try meter.decode(frame, answering: meter.readBlocks[1]) }.map { error in
            if case .badChecksum = error { true } else { false }
        } == true)
        let exception = CRC16Modbus.appending(to: [0x01, 0x84, 0x02])
        #expect(driverError { try meter.decode(exception, answering: meter.readBlocks[1]) }
            == .modbusException(unit: 1, function: 4, code: .illegalDataAddress))
    }

    @Test func writesAreCheckedAndEncoded() throws {
        let meter = try meter()
        // 15.0 as float32 is 0x41700000; two registers, so function 16.
        #expect(try meter.writeRequest(parameter: "demand_period", value: 15)
            == .writeMultipleRegisters(unit: 1, start: 2, values: [0x4170, 0x0000]))
        #expect(throws: ControlValueError.outOfRange(parameter: "demand_period", value: 61, limit: 0...60)) {
            try meter.writeRequest(parameter: "demand_period", value: 61)
        }
        #expect(throws: ControlValueError.outOfRange(parameter: "demand_period", value: .infinity, limit: 0...60)) {
            try meter.writeRequest(parameter: "demand_period", value: .infinity)
        }
        #expect(throws: ControlValueError.notWritable("voltage")) { try meter.writeRequest(parameter: "voltage", value: 1) }
        #expect(throws: ControlValueError.unknownParameter("colour")) { try meter.writeRequest(parameter: "colour", value: 1) }
    }

    @Test func aSixteenBitParameterIsWrittenWithFunctionSix() throws {
        let register = ModbusRegister(
            name: "setpoint", table: .holding, address: 0x10, format: ModbusRegisterFormat(type: .int16, scale: 0.1),
            writeFunction: .single, writableRange: 5...30
        )
        let driver = ModbusRegisterMapDriver(map: ModbusRegisterMap(registers: [register], unit: 3))
        #expect(try driver.writeRequest(parameter: "setpoint", value: 21.26) == .writeSingleRegister(unit: 3, address: 0x10, value: 213))
        #expect(try driver.writeRequest(parameter: "setpoint", value: 5) == .writeSingleRegister(unit: 3, address: 0x10, value: 50))
    }

    @Test(arguments: ModbusRegisterFormat.ValueType.allCases)
    func encodingInvertsDecodingInEveryOrder(type: ModbusRegisterFormat.ValueType) throws {
        for order in ModbusRegisterFormat.ByteOrder.allCases {
            let format = ModbusRegisterFormat(type: type, order: order, scale: 0.5, offset: 10)
            for value in [10.0, 11.5, 150, 7] where type != .uint16 && type != .uint32 || value >= 10 {
                let words = try #require(format.encode(value), "\(type) \(order) \(value)")
                #expect(try format.decode(words) == value, "\(type) \(order) \(value)")
            }
        }
    }

    @Test func valuesThatDoNotFitTheirTypeAreNotEncoded() {
        #expect(ModbusRegisterFormat(type: .int16).encode(-1) == [0xFFFF])
        #expect(ModbusRegisterFormat(type: .uint16).encode(-1) == nil)
        #expect(ModbusRegisterFormat(type: .int16).encode(40000) == nil)
        #expect(ModbusRegisterFormat(type: .float32).encode(1e39) == nil)
        #expect(ModbusRegisterFormat(type: .uint32, order: .cdab).encode(0x0001_0002) == [0x0002, 0x0001])
        #expect(ModbusRegisterFormat(type: .uint16, order: .badc).encode(0x1234) == [0x3412])
    }

    @Test func registerMapMistakes() {
        let yaml = """
            name: x
            vendor: y
            bus: modbus
            address: 1
            fields:
              - {name: voltage}
              - {name: current}
              - {name: relay, type: boolean}
            parameters:
              - {name: setpoint, type: numeric, writable: true}
              - {name: limit, type: numeric, writable: true}
            driver:
              kind: modbus_rtu
              registers:
                - {name: voltage, address: 0, type: float32}
                - {name: voltage2, address: 4}
                - {name: current, address: 1}
                - {name: relay, address: 8}
                - {name: setpoint, address: 10, type: float32, write_function: "6"}
                - {name: limit, address: 20, table: holding, scale: 0}
                - {name: current, address: 30}
            """
        let errors = catalogErrors { try DeviceModel(yaml: yaml, file: "t.yaml") }
        #expect(errors.map(\.path.description) == [
            "driver.registers[1].name",
            "driver.registers[2].address",
            "driver.registers[3].name",
            "driver.registers[4].table",
            "driver.registers[4].write_function",
            "driver.registers[5].scale",
            "driver.registers[6].name",
        ], "\(errors)")
    }

    @Test func aModbusModelNeedsTheModbusBus() {
        let yaml = "name: x\nvendor: y\nbus: serial\nfields: []\ndriver: {kind: modbus_rtu, registers: []}\n"
        #expect(catalogErrors { try DeviceModel(yaml: yaml, file: "t.yaml") }.map(\.path.description) == ["bus"])
    }
}
