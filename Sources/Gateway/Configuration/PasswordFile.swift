import Glibc
import Hardware

/// Reads the account password from its own file, refusing one that group or other users may
/// read: a password that every local account can see is not a secret.
public enum PasswordFile {
    /// The file's first line without its line ending (editors add one; the password has none).
    public static func read(path: String) throws(PasswordFileError) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(path: path, reason: "not a regular file")
        }
        let permissions = UInt32(status.st_mode) & 0o777
        guard permissions & 0o044 == 0 else {
            throw .readableByOthers(path: path, mode: permissions)
        }
        let text: String
        do {
            text = try FileAccess.utf8Text(of: path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        let password = String(text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" })
        guard !password.isEmpty else { throw .empty(path: path) }
        return password
    }

    /// `0644` for messages.
    static func octal(_ mode: UInt32) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
