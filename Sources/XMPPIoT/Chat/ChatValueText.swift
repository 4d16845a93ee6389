/// Reads a value the way people type it: `21,5`, `21.5°C`, `21.5 °C`, `on`, `Heat`.
enum ChatValueText {
    static func value(_ text: String, for parameter: ControlParameter) throws(ChatCommandError) -> ControlValue {
        let trimmed = text.trimmingWhitespace()
        switch parameter.type {
        case .double, .int, .long:
            guard let number = number(trimmed, unit: parameter.unit) else {
                throw ChatCommandError("\(ChatCommandError.quote(trimmed)) is not a number. \(allowed(parameter))")
            }
            switch parameter.type {
            case .int:
                guard let exact = Int32(exactly: number) else { throw ChatCommandError("\(parameter.name) takes whole numbers.") }
                return .int(exact)
            case .long:
                guard let exact = Int64(exactly: number) else { throw ChatCommandError("\(parameter.name) takes whole numbers.") }
                return .long(exact)
            default:
                return .double(number)
            }
        case .boolean:
            switch trimmed.lowercased() {
            case "on", "true", "yes", "1", "enable", "enabled": return .boolean(true)
            case "off", "false", "no", "0", "disable", "disabled": return .boolean(false)
            default: throw ChatCommandError("\(parameter.name) is on or off.")
            }
        case .string where !parameter.choices.isEmpty:
            guard let choice = parameter.choices.first(where: { $0.lowercased() == trimmed.lowercased() }) else {
                throw ChatCommandError("\(parameter.name) must be one of \(parameter.choices.joined(separator: ", ")).")
            }
            return .string(choice)
        default:
            guard let value = ControlValue(lexical: trimmed, type: parameter.type) else {
                throw ChatCommandError("\(ChatCommandError.quote(trimmed)) is not \(parameter.type.withArticle) value for \(parameter.name).")
            }
            return value
        }
    }

    /// What a parameter accepts, for error replies: `between 5 and 28 °C`.
    static func allowed(_ parameter: ControlParameter) -> String {
        if !parameter.choices.isEmpty { return "Choose \(parameter.choices.joined(separator: ", "))." }
        if parameter.type == .boolean { return "Say on or off." }
        let unit = parameter.unit.isEmpty ? "" : " \(parameter.unit)"
        switch (parameter.minimum.map(parameter.format), parameter.maximum.map(parameter.format)) {
        case let (minimum?, maximum?): return "\(parameter.name) is between \(minimum) and \(maximum)\(unit)."
        case let (minimum?, nil): return "\(parameter.name) is at least \(minimum)\(unit)."
        case let (nil, maximum?): return "\(parameter.name) is at most \(maximum)\(unit)."
        case (nil, nil): return "\(parameter.name) takes \(parameter.type.withArticle)."
        }
    }

    /// A number with an optional unit after it; a lone comma is a decimal comma.
    private static func number(_ text: String, unit: String) -> Double? {
        var numberPart = ""
        var index = text.startIndex
        while index < text.endIndex, "0123456789+-.,".contains(text[index]) {
            numberPart.append(text[index])
            index = text.index(after: index)
        }
        if !numberPart.contains("."), numberPart.filter({ $0 == "," }).count == 1 {
            numberPart = String(numberPart.map { $0 == "," ? "." : $0 })
        }
        guard !numberPart.contains(","), let number = Double(numberPart), number.isFinite,
              isUnit(String(text[index...]), of: unit) else { return nil }
        return number
    }

    /// Whether `suffix` is absent or names `unit`, loosely: `°C`, `C`, `°`, `degrees`.
    private static func isUnit(_ suffix: String, of unit: String) -> Bool {
        let normalize = { (text: String) in text.lowercased().filter { !$0.isWhitespace && $0 != "°" } }
        let given = normalize(suffix)
        if given.isEmpty { return true }
        if given == normalize(unit) { return true }
        return unit.contains("°") && ["deg", "degree", "degrees"].contains(given)
    }
}
