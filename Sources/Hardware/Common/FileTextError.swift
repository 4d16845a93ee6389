/// Why a file that must be UTF-8 text could not be read as such.
public enum FileTextError: Error, Sendable, Hashable {
    case unreadable(SystemErrorCode)
    case notUTF8

    /// In words for a message: "No such file or directory", "not UTF-8 text".
    public var reason: String {
        switch self {
        case let .unreadable(code): code.reason
        case .notUTF8: "not UTF-8 text"
        }
    }
}
