/// Where the account's password comes from: written in the configuration, or kept in a
/// separate file that only the service user may read (so the configuration itself can be
/// world-readable and shared).
///
/// Printing one never shows the password: a configuration dumped into a log or a test
/// failure must not leak it.
public enum PasswordSource: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    case inline(String)
    /// An absolute path (relative paths in the file are resolved against its folder).
    case file(path: String)

    /// The password: the inline text, or the file's first line, read and checked now.
    public func password() throws(PasswordFileError) -> String {
        switch self {
        case let .inline(password): password
        case let .file(path): try PasswordFile.read(path: path)
        }
    }

    public var description: String {
        switch self {
        case .inline: "password <redacted>"
        case let .file(path): "password file \(path)"
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .enum) }
}
