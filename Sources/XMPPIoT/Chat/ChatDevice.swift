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

    /// Whether `words` (already lowercased) name this device.
    func isNamed(_ words: String) -> Bool {
        ([id, name] + aliases).contains { $0.lowercased() == words }
    }

    func parameter(named word: String) -> ControlParameter? {
        parameters.first { $0.name.lowercased() == word || $0.label?.lowercased() == word }
    }

    func field(named word: String) -> String? {
        (fields + parameters.map(\.name)).first { $0.lowercased() == word }
    }
}
