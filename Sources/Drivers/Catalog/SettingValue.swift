/// A value the decoder accepted for a declared setting, already of the declared type.
///
/// Choices and regular expressions are kept as their text; mappings become `SettingsRecord`s,
/// which remember where each of their keys was written for later messages.
public indirect enum SettingValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case duration(Duration)
    case interval(ClosedRange<Double>)
    case list([SettingValue])
    /// A `record`, `map` or `tagged` mapping.
    case record(SettingsRecord)
    /// A `variant`: the one key that was written, and its value.
    case variant(String, SettingValue)

    public var string: String? {
        if case let .string(value) = self { value } else { nil }
    }

    public var int: Int? {
        if case let .int(value) = self { value } else { nil }
    }

    /// A `double`, or an `int` widened.
    public var double: Double? {
        switch self {
        case let .double(value): value
        case let .int(value): Double(value)
        default: nil
        }
    }

    public var bool: Bool? {
        if case let .bool(value) = self { value } else { nil }
    }

    public var duration: Duration? {
        if case let .duration(value) = self { value } else { nil }
    }

    public var interval: ClosedRange<Double>? {
        if case let .interval(value) = self { value } else { nil }
    }

    public var list: [SettingValue]? {
        if case let .list(value) = self { value } else { nil }
    }

    public var record: SettingsRecord? {
        if case let .record(value) = self { value } else { nil }
    }
}
