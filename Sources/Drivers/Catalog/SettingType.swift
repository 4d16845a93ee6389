/// The kinds of value a setting may hold, and so what the decoder accepts for it.
///
/// The vocabulary is small on purpose: every driver, every model file key and the gateway
/// configuration are declared in it, so one decoder checks them all and `Devices/README.md`
/// can describe every type once.
public indirect enum SettingType: Sendable, Hashable {
    /// Any scalar, taken as its text.
    case string
    /// A whole number, decimal or `0x` hexadecimal.
    case int
    /// A number; whole numbers are accepted.
    case double
    /// `true` or `false` (YAML 1.1's `yes`/`on` are refused: too easy to write by accident).
    case bool
    /// One of the listed words.
    case choice([String])
    /// A number with a unit: `500ms`, `30s`, `5min`, `2h`, `1d`.
    case duration
    /// A regular expression in PCRE2 (Perl-compatible) syntax, checked when the file is loaded.
    case regex
    /// Two numbers `[low, high]` with low ≤ high: a valid range.
    case interval
    /// A list whose items all have the element type.
    case list(SettingType)
    /// A mapping with keys chosen by the writer, every value of the element type.
    case map(SettingType)
    /// A mapping with the declared keys and no others.
    case record([SettingDeclaration])
    /// A mapping with exactly one of the declared keys, which says what the item is
    /// (`- median: {window: 5}` in a filter list).
    case variant([SettingDeclaration])
    /// A mapping whose `tag` key chooses which declarations the other keys follow
    /// (`driver: {kind: modbus_rtu, registers: …}`).
    case tagged(tag: String, variants: [String: [SettingDeclaration]])

    /// What a person should write, for messages ("expected a whole number, got …").
    public var expectation: String {
        switch self {
        case .string: "a text"
        case .int: "a whole number"
        case .double: "a number"
        case .bool: "true or false"
        case let .choice(choices): "one of " + choices.joined(separator: ", ")
        case .duration: "a duration with a unit (such as 500ms, 30s, 5min, 2h)"
        case .regex: "a regular expression"
        case .interval: "a list of two numbers [low, high]"
        case let .list(element): "a list of " + element.pluralName
        case let .map(element): "a mapping of names to " + element.pluralName
        case .record: "a mapping"
        case let .variant(declarations):
            "a mapping with one of the keys " + declarations.map(\.key).joined(separator: ", ")
        case let .tagged(tag, _): "a mapping with the key \(tag)"
        }
    }

    /// The type's values named in the plural, for list and map messages.
    var pluralName: String {
        switch self {
        case .string: "texts"
        case .int: "whole numbers"
        case .double: "numbers"
        case .bool: "true/false values"
        case let .choice(choices): "words out of " + choices.joined(separator: ", ")
        case .duration: "durations"
        case .regex: "regular expressions"
        case .interval: "[low, high] pairs"
        case .list: "lists"
        case .map, .record, .variant, .tagged: "mappings"
        }
    }
}
