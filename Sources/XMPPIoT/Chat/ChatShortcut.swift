/// A word that stands for a whole setting: `off` → mode `off`, `eco` → preset `eco`, so
/// `living off` works.
public struct ChatShortcut: Sendable, Hashable {
    public var word: String
    public var parameter: String
    public var value: String

    public init(word: String, parameter: String, value: String) {
        self.word = word
        self.parameter = parameter
        self.value = value
    }
}
