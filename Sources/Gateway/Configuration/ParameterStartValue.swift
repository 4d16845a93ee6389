import Drivers

/// Values a device entry gives its model's writable parameters (`parameters:`), set when
/// the device starts — turning the MH-Z19B's automatic baseline correction off in a room that
/// never sees fresh air, say. Each is checked as a control request would be: the parameter
/// exists and is writable, and the value has its type and lies in its range or choices.
enum ParameterStartValue {
    static let declaration = SettingDeclaration(
        "parameters", .map(.string),
        doc: "Values for writable parameters of the model, by parameter name, set when the device starts."
    )

    /// The values of a decoded `parameters` record; each one that does not fit is reported.
    static func checked(_ record: SettingsRecord, model: DeviceModel, errors: inout [CatalogError]) -> [String: FieldValue] {
        var values: [String: FieldValue] = [:]
        for name in record.keys {
            guard let text = record.string(name) else { continue }
            guard let parameter = model.parameter(named: name) else {
                let names = model.parameters.map(\.name)
                let hint = name.closestMatch(in: names).map { " (did you mean \"\($0)\"?)" } ?? ""
                let list = names.isEmpty ? "none" : names.joined(separator: ", ")
                errors.append(record.invalid(name, expected: "a parameter of model \(model.id) (\(list))", got: "\"\(name)\"" + hint))
                continue
            }
            guard parameter.isWritable else {
                errors.append(record.invalid(name, expected: "a writable parameter", got: "\(name), which is read-only"))
                continue
            }
            guard let value = value(text, for: parameter) else {
                errors.append(record.invalid(name, expected: expectation(for: parameter), got: "\"\(text)\""))
                continue
            }
            values[name] = value
        }
        return values
    }

    /// `text` as a value of the parameter's type within its limits; `nil` when it is not one.
    /// Booleans are `true` or `false` only, as everywhere in configuration files.
    static func value(_ text: String, for parameter: DeviceParameter) -> FieldValue? {
        if parameter.type == .boolean {
            return ["true": FieldValue.boolean(true), "false": .boolean(false)][text]
        }
        guard let value = FieldValue(text: text, type: parameter.type, choices: parameter.choices) else { return nil }
        if let range = parameter.range, let number = value.number, !range.contains(number) {
            return nil
        }
        return value
    }

    static func expectation(for parameter: DeviceParameter) -> String {
        let unit = parameter.unit.map { " \($0)" } ?? ""
        let range = parameter.range.map {
            " from \(SettingsDecoder.format($0.lowerBound)) to \(SettingsDecoder.format($0.upperBound))\(unit)"
        } ?? ""
        switch parameter.type {
        case .boolean: return "true or false"
        case .numeric: return "a number" + range
        case .int: return "a whole number" + range
        case .string: return "a text"
        case .enum: return "one of " + parameter.choices.joined(separator: ", ")
        }
    }
}
