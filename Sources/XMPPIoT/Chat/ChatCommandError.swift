/// Why a chat message is not a command, as the one-line reply a person gets: what was
/// wrong and what is allowed.
public struct ChatCommandError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
