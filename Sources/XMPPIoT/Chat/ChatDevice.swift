/// A device as people name it in chat: its id, display name and aliases, the fields they
/// may read, the parameters they may set, which parameter a bare value sets
/// (`set living 21.5`), and shortcut words.
public struct ChatDevice: Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var fields: [String]
    public var parameters: [ControlParameter]
    public var primaryParameter: String?
    public var shortcuts: [ChatShortcut]

    public init(id: String, name: String, aliases: [String] = [], fields: [String] = [],
                parameters: [ControlParameter] = [], primaryParameter: String? = nil, shortcuts: [ChatShortcut] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.fields = fields
        self.parameters = parameters
        self.primaryParameter = primaryParameter
        self.shortcuts = shortcuts
    }

    /// Whether `words` name this device: its id, name or an alias, ignoring case and
    /// whether the words are joined by spaces, `-` or `_` (phones make `-` hard to type).
    func isNamed(_ words: String) -> Bool {
        let wanted = Self.loose(words)
        return ([id, name] + aliases).contains { Self.loose($0) == wanted }
    }

    /// The most words its id, name or an alias can be typed as: each space, `-` or `_` may
    /// part two words.
    var mostWordsInAName: Int {
        ([id, name] + aliases).map { Self.loose($0).split(separator: " ", omittingEmptySubsequences: false).count }.max() ?? 0
    }

    func parameter(named words: String) -> ControlParameter? {
        let wanted = Self.loose(words)
        return parameters.first { Self.loose($0.name) == wanted || $0.label.map(Self.loose) == wanted }
    }

    /// A field or parameter by name, or a parameter by label; the canonical name.
    func field(named words: String) -> String? {
        let wanted = Self.loose(words)
        return fields.first { Self.loose($0) == wanted } ?? parameter(named: words)?.name
    }

    private static func loose(_ text: String) -> String {
        String(text.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 })
    }
}
