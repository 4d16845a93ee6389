/// A value of any field type, as a declarative driver produces it from text or registers.
public enum FieldValue: Sendable, Hashable {
    case number(Double)
    case integer(Int)
    case boolean(Bool)
    /// A `string` field's text, or an `enum` field's word.
    case text(String)

    /// The words a device may print for a boolean, lower-cased.
    static let trueWords: Set<String> = ["1", "true", "on", "yes", "high"]
    static let falseWords: Set<String> = ["0", "false", "off", "no", "low"]

    /// Converts text from a device into a value of `type`; `nil` when it is not one (a number
    /// that does not parse, `nan`, a word outside an enum's `choices`).
    public init?(text: some StringProtocol, type: FieldType, choices: [String] = []) {
        let trimmed = String(text.trimmed)
        switch type {
        case .numeric:
            guard let value = NumberText.number(trimmed) else { return nil }
            self = .number(value)
        case .int:
            guard let value = NumberText.integer(trimmed) else { return nil }
            self = .integer(value)
        case .boolean:
            let word = trimmed.lowercased()
            if Self.trueWords.contains(word) {
                self = .boolean(true)
            } else if Self.falseWords.contains(word) {
                self = .boolean(false)
            } else {
                return nil
            }
        case .string:
            self = .text(trimmed)
        case .enum:
            guard choices.contains(trimmed) else { return nil }
            self = .text(trimmed)
        }
    }

    /// The value as a number for calibration and filters; `nil` for booleans and text.
    public var number: Double? {
        switch self {
        case let .number(value): value
        case let .integer(value): Double(value)
        case .boolean, .text: nil
        }
    }
}
