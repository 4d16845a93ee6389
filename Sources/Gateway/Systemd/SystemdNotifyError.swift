import Glibc

/// Why a notification could not be sent to systemd.
public enum SystemdNotifyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `NOTIFY_SOCKET` is neither an absolute path nor an `@` abstract name, or is too long.
    case invalidSocketAddress(String)
    case sendFailed(socket: String, errno: Int32)

    public var description: String {
        switch self {
        case let .invalidSocketAddress(address):
            "NOTIFY_SOCKET \"\(address)\" is not an absolute path or @name that fits a unix socket address"
        case let .sendFailed(socket, code):
            "cannot notify systemd at \(socket): \(String(cString: strerror(code)))"
        }
    }
}
