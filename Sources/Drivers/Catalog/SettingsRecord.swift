/// A mapping the decoder accepted: its values by key, in the order they were written, and
/// where each was written, so that checks after decoding (a capture group the pattern lacks, a
/// register that overlaps another) still report file, line and key.
public struct SettingsRecord: Sendable, Hashable {
    /// Where the mapping starts.
    public var location: SourceLocation
    public var path: SettingPath
    /// Keys in the order written, then defaulted keys in declaration order.
    public private(set) var keys: [String] = []
    private var values: [String: SettingValue] = [:]
    private var locations: [String: SourceLocation] = [:]

    public init(location: SourceLocation, path: SettingPath) {
        self.location = location
        self.path = path
    }

    /// Stores `value` under `key`; `location` is where it was written, `nil` for a default.
    public mutating func set(_ key: String, _ value: SettingValue, writtenAt location: SourceLocation? = nil) {
        if values.updateValue(value, forKey: key) == nil {
            keys.append(key)
        }
        locations[key] = location
    }

    public subscript(key: String) -> SettingValue? {
        values[key]
    }

    /// Whether the file wrote `key` (rather than the default filling it in).
    public func isWritten(_ key: String) -> Bool {
        locations[key] != nil
    }

    /// Where `key`'s value was written; the mapping's own position for a default or an absent key.
    public func location(of key: String) -> SourceLocation {
        locations[key] ?? location
    }

    public func path(of key: String) -> SettingPath {
        path.appending(key)
    }

    /// The error for `key`'s value, at its location, for checks that run after decoding.
    public func invalid(_ key: String, expected: String, got: String) -> CatalogError {
        .invalid(at: location(of: key), path(of: key), expected: expected, got: got)
    }

    public func string(_ key: String) -> String? { values[key]?.string }
    public func int(_ key: String) -> Int? { values[key]?.int }
    public func double(_ key: String) -> Double? { values[key]?.double }
    public func bool(_ key: String) -> Bool? { values[key]?.bool }
    public func duration(_ key: String) -> Duration? { values[key]?.duration }
    public func interval(_ key: String) -> ClosedRange<Double>? { values[key]?.interval }
    public func list(_ key: String) -> [SettingValue]? { values[key]?.list }
    public func record(_ key: String) -> SettingsRecord? { values[key]?.record }

    /// The records of a list of mappings (`fields`, `registers`), each knowing its own position.
    public func records(_ key: String) -> [SettingsRecord] {
        (values[key]?.list ?? []).compactMap(\.record)
    }

    /// A list of texts or choices.
    public func strings(_ key: String) -> [String] {
        (values[key]?.list ?? []).compactMap(\.string)
    }
}
