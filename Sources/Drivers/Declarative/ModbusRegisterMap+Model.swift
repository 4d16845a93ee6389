extension ModbusRegisterMap {
    /// The register map of a model whose driver is `modbus_rtu`, asking `unit` (by default the
    /// model's address, else 1). Every field and every parameter needs a register; a writable
    /// parameter's register must be a holding register. Problems are appended to `errors`.
    init(model: DeviceModel, unit: UInt8? = nil, errors: inout [CatalogError]) {
        let settings = model.driverSettings
        var entries: [(register: ModbusRegister, record: SettingsRecord)] = []
        for entry in settings.records("registers") {
            guard let register = Self.register(entry, model: model, errors: &errors) else { continue }
            if let first = entries.first(where: { $0.register.name == register.name }) {
                errors.append(entry.invalid(
                    "name", expected: "one register per name (line \(first.record.location.line) has it)", got: "\"\(register.name)\""
                ))
                continue
            }
            entries.append((register, entry))
        }
        Self.checkOverlaps(entries, errors: &errors)
        let names = Set(entries.map(\.register.name))
        for record in model.fields.map(\.source) + model.parameters.map(\.source) {
            guard let name = record.string("name"), !names.contains(name) else { continue }
            errors.append(record.invalid("name", expected: "a register for \"\(name)\" in driver.registers", got: "none"))
        }
        self.init(
            registers: entries.map(\.register),
            unit: unit ?? model.address.flatMap(UInt8.init(exactly:)) ?? 1,
            maximumGap: settings.int("max_gap") ?? 0,
            maximumReadCount: settings.int("max_read") ?? 125
        )
    }

    private static func register(_ entry: SettingsRecord, model: DeviceModel, errors: inout [CatalogError]) -> ModbusRegister? {
        guard let name = entry.string("name"), let address = entry.int("address").flatMap(UInt16.init(exactly:)),
            let table = entry.string("table").flatMap(ModbusRegister.Table.init(rawValue:)),
            let type = ModbusRegisterFormat.ValueType.allCases.first(where: { "\($0)" == entry.string("type") }),
            let order = entry.string("order").flatMap(ModbusRegisterFormat.ByteOrder.init(rawValue:))
        else { return nil }
        let field = model.field(named: name)
        let parameter = model.parameter(named: name)
        let known = (model.fields.map(\.name) + model.parameters.map(\.name)).joined(separator: ", ")
        guard field != nil || parameter != nil else {
            errors.append(entry.invalid("name", expected: "a field or parameter of the model (\(known))", got: "\"\(name)\""))
            return nil
        }
        for type in [field?.type, parameter?.type].compactMap({ $0 }) where !type.isNumber {
            errors.append(entry.invalid("name", expected: "a numeric or int field or parameter", got: "a \(type.rawValue) one"))
        }
        let scale = entry.double("scale") ?? 1
        if scale == 0 {
            errors.append(entry.invalid("scale", expected: "a number other than 0", got: "0"))
        }
        if Int(address) + type.registerCount > 0x10000 {
            errors.append(entry.invalid("address", expected: "a \(type) that ends by register 65535", got: "\(address)"))
        }
        var writeFunction: ModbusRegister.WriteFunction?
        if let parameter, parameter.isWritable {
            if table != .holding {
                errors.append(entry.invalid("table", expected: "holding (parameter \(name) is writable)", got: table.rawValue))
            }
            writeFunction = entry.string("write_function").flatMap(ModbusRegister.WriteFunction.init(rawValue:))
                ?? (type.registerCount == 1 ? .single : .multiple)
            if writeFunction == .single, type.registerCount > 1 {
                errors.append(entry.invalid("write_function", expected: "16 for the two registers of a \(type)", got: "6"))
            }
        } else if entry.isWritten("write_function") {
            errors.append(entry.invalid("write_function", expected: "none: \(name) is not a writable parameter", got: entry.string("write_function") ?? ""))
        }
        return ModbusRegister(
            name: name,
            table: table,
            address: address,
            format: ModbusRegisterFormat(type: type, order: order, scale: scale, offset: entry.double("offset") ?? 0),
            writeFunction: writeFunction,
            writableRange: parameter?.range
        )
    }

    /// Two registers of one table that share an address are a typo in the map, not a choice.
    private static func checkOverlaps(_ entries: [(register: ModbusRegister, record: SettingsRecord)], errors: inout [CatalogError]) {
        for table in ModbusRegister.Table.allCases {
            let sorted = entries.filter { $0.register.table == table }.sorted { $0.register.address < $1.register.address }
            for (previous, next) in zip(sorted, sorted.dropFirst()) where Int(next.register.address) < previous.register.endAddress {
                errors.append(next.record.invalid(
                    "address",
                    expected: "an address from \(previous.register.endAddress) on (\(previous.register.name) occupies "
                        + "\(previous.register.address)…\(previous.register.endAddress - 1))",
                    got: "\(next.register.address)"
                ))
            }
        }
    }
}
