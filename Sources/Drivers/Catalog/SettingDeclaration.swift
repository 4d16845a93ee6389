/// One key a driver, a model file or a configuration accepts: its type, whether it must be
/// written, its default, its range and what it is for.
///
/// Declarations are the single source of what a user may write (the ESPHome habit in
/// STYLE.md): the decoder checks files against them, and `Devices/README.md` documents the
/// same keys (a test checks that it names every one).
public struct SettingDeclaration: Sendable, Hashable {
    public var key: String
    public var type: SettingType
    /// A required key has no default; leaving it out is an error.
    public var isRequired: Bool
    /// Filled in when the key is absent.
    public var defaultValue: SettingValue?
    /// For `int`, `double` and `duration` (in seconds): values outside are refused.
    public var range: ClosedRange<Double>?
    /// One sentence for people: what the key does.
    public var doc: String

    public init(
        _ key: String,
        _ type: SettingType,
        required: Bool = false,
        default defaultValue: SettingValue? = nil,
        range: ClosedRange<Double>? = nil,
        doc: String
    ) {
        self.key = key
        self.type = type
        self.isRequired = required
        self.defaultValue = defaultValue
        self.range = range
        self.doc = doc
    }
}
