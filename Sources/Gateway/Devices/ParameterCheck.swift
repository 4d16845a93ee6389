import Drivers

/// The checks every way of setting a parameter goes through before anything touches
/// hardware: the parameter exists, may be written, and the value has its type and lies in
/// its range or choices.
enum ParameterCheck {
    static func check(_ value: FieldValue, for name: String, in model: DeviceModel) throws(ControlRefusal) -> FieldValue {
        guard let parameter = model.parameter(named: name) else {
            throw .unknownParameter(name, known: model.parameters.filter(\.isWritable).map(\.name))
        }
        guard parameter.isWritable else { throw .readOnly(name) }
        return try check(value, against: parameter)
    }

    /// Converts where the conversion is lossless (an integer given for a number, the word
    /// `on` for a boolean) and refuses everything else.
    static func check(_ value: FieldValue, against parameter: DeviceParameter) throws(ControlRefusal) -> FieldValue {
        let name = parameter.name
        let converted: FieldValue
        switch (parameter.type, value) {
        case (.numeric, .number), (.int, .integer), (.boolean, .boolean), (.string, .text):
            converted = value
        case let (.numeric, .integer(whole)):
            converted = .number(Double(whole))
        case let (.int, .number(number)) where number.rounded() == number && abs(number) < 1e15:
            converted = .integer(Int(number))
        case let (.enum, .text(word)):
            guard let choice = parameter.choices.first(where: { $0.lowercased() == word.lowercased() }) else {
                throw .notAChoice(name, value: word, choices: parameter.choices)
            }
            converted = .text(choice)
        case let (_, .text(text)):
            guard let parsed = FieldValue(text: text, type: parameter.type, choices: parameter.choices) else {
                throw .wrongType(name, expected: parameter.type)
            }
            converted = parsed
        default:
            throw .wrongType(name, expected: parameter.type)
        }
        if let number = converted.number, let range = parameter.range, !range.contains(number) {
            throw .outOfRange(name, value: number, range: range, unit: parameter.unit)
        }
        return converted
    }
}
