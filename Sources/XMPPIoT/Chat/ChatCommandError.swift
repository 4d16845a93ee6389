/// Why a chat message is not a command, as the one-line reply a person gets: what was
/// wrong and what is allowed.
public struct ChatCommandError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension ChatCommandError {
    /// What the person typed, quoted in a reply: `'21.5x'`; a long paste is cut to its start,
    /// so the reply stays one line.
    static func quote(_ text: some StringProtocol) -> String {
        let limit = 40
        return text.count <= limit ? "'\(text)'" : "'\(text.prefix(limit))…'"
    }
}
