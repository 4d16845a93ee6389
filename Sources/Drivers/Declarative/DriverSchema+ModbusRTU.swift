extension DriverSchema {
    /// A Modbus RTU device described by its register map.
    static let modbusRTU = DriverSchema(
        buses: [.modbus],
        settings: [
            SettingDeclaration(
                "registers",
                .list(.record([
                    SettingDeclaration("name", .string, required: true, doc: "The field or parameter the register holds."),
                    SettingDeclaration("address", .int, required: true, range: 0...65535, doc: "The register address (0-based, as on the wire)."),
                    SettingDeclaration(
                        "table", .choice(ModbusRegister.Table.allCases.map(\.rawValue)), default: .string("input"),
                        doc: "input (read with function 4) or holding (read with 3, written with 6 or 16)."
                    ),
                    SettingDeclaration(
                        "type", .choice(ModbusRegisterFormat.ValueType.allCases.map { "\($0)" }), default: .string("uint16"),
                        doc: "The value's type: 16-bit types take one register, 32-bit types two."
                    ),
                    SettingDeclaration(
                        "order", .choice(ModbusRegisterFormat.ByteOrder.allCases.map(\.rawValue)), default: .string("ABCD"),
                        doc: "Byte order, A the most significant byte: ABCD big-endian, CDAB word-swapped, BADC, DCBA."
                    ),
                    SettingDeclaration("scale", .double, default: .double(1), doc: "value = raw × scale + offset."),
                    SettingDeclaration("offset", .double, default: .double(0), doc: "value = raw × scale + offset."),
                    SettingDeclaration(
                        "write_function", .choice(ModbusRegister.WriteFunction.allCases.map(\.rawValue)),
                        doc: "For writable parameters: 6 (one register) or 16 (several); by default 6 for 16-bit types, 16 for 32-bit."
                    ),
                ])),
                required: true,
                doc: "Every field and parameter of the model, each in one register or two."
            ),
            SettingDeclaration(
                "max_gap", .int, default: .int(0), range: 0...100,
                doc: "Unwanted registers one read may span to join two wanted ones."
            ),
            SettingDeclaration("max_read", .int, default: .int(125), range: 1...125, doc: "Registers per read request."),
        ],
        summary: "A Modbus RTU device: fields and parameters in input and holding registers.",
        check: { model in
            var errors: [CatalogError] = []
            _ = ModbusRegisterMap(model: model, errors: &errors)
            return errors
        }
    )
}
