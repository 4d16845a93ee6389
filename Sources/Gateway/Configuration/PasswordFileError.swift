/// Why a password file was refused, said so that the person running the service can fix it.
public enum PasswordFileError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// Group or other users may read it; `mode` is the file's permission bits.
    case readableByOthers(path: String, mode: UInt32)
    case empty(path: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "cannot read password file \(path): \(reason)"
        case let .readableByOthers(path, mode):
            "password file \(path) is readable by other users (mode \(PasswordFile.octal(mode))); "
                + "allow only its owner, e.g. chmod 600 \(path)"
        case let .empty(path):
            "password file \(path) is empty"
        }
    }
}
