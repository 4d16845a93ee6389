/// Reads and writes a Modbus RTU device described by a register map: builds the read requests,
/// decodes their answers into field readings, and builds checked write requests for writable
/// parameters. Pure: the serial layer sends the frames and hands back the answers.
public struct ModbusRegisterMapDriver: Sendable {
    public let map: ModbusRegisterMap
    /// The requests to send each sampling round, and what each answer holds.
    public let readBlocks: [ModbusReadBlock]
    /// Register values refused (a float32 NaN from a meter that cannot measure the quantity).
    public private(set) var valuesRefused = 0

    public init(map: ModbusRegisterMap) {
        self.map = map
        readBlocks = map.readBlocks
    }

    /// The driver for a `modbus_rtu` model, asking `unit` (by default the model's address).
    public init(model: DeviceModel, unit: UInt8? = nil) throws(CatalogErrors) {
        var errors: [CatalogError] = []
        let map = ModbusRegisterMap(model: model, unit: unit, errors: &errors)
        guard errors.isEmpty else { throw CatalogErrors(errors) }
        self.init(map: map)
    }

    /// The readings in the answer to `block.request`. A frame that fails its CRC, comes from
    /// another unit or is an exception throws; a single register that does not decode is
    /// counted and left out, and the others are still returned.
    public mutating func decode(_ frame: [UInt8], answering block: ModbusReadBlock) throws(DriverError) -> [FieldReading] {
        guard case let .registers(words) = try ModbusResponse(frame: frame, answering: block.request) else {
            throw .malformed(sensor: .modbus, reason: "a write acknowledgement answering a read")
        }
        var readings: [FieldReading] = []
        for register in block.registers {
            let offset = Int(register.address) - Int(block.start)
            guard offset >= 0, offset + register.registerCount <= words.count else {
                valuesRefused += 1
                continue
            }
            do {
                let value = try register.format.decode(Array(words[offset..<(offset + register.registerCount)]))
                readings.append(FieldReading(field: register.name, value: .number(value)))
            } catch {
                valuesRefused += 1
            }
        }
        return readings
    }

    /// The request that sets parameter `name` to `value`, after checking that the parameter is
    /// writable, that the value is inside its range, and that it fits the register.
    public func writeRequest(parameter name: String, value: Double) throws(ControlValueError) -> ModbusRequest {
        guard let register = map.registers.first(where: { $0.name == name }) else {
            throw .unknownParameter(name)
        }
        guard let function = register.writeFunction else {
            throw .notWritable(name)
        }
        guard value.isFinite, register.writableRange?.contains(value) ?? true else {
            throw .outOfRange(parameter: name, value: value, limit: register.writableRange)
        }
        guard let words = register.format.encode(value) else {
            throw .notRepresentable(parameter: name, value: value, type: register.format.type)
        }
        switch function {
        case .single:
            return .writeSingleRegister(unit: map.unit, address: register.address, value: words[0])
        case .multiple:
            return .writeMultipleRegisters(unit: map.unit, start: register.address, values: words)
        }
    }
}
