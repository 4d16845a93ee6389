import Glibc

/// Files and directories through plain system calls that report the `errno`, so a caller
/// can tell "gone" (ENOENT, ENODEV) from "failed" (EIO from a sensor that did not answer).
/// Sysfs lookups, the configuration, the catalog and the state files all go through it
/// (FoundationEssentials' file APIs would pull most of that library into the binary).
public enum FileAccess {
    /// The names in a directory, without `.` and `..`, sorted.
    public static func entries(of directory: String) throws(SystemErrorCode) -> [String] {
        guard let stream = opendir(directory) else { throw .current }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." {
                names.append(name)
            }
        }
        return names.sorted()
    }

    /// A whole file as text (sysfs attributes are at most a page; other files are read to
    /// the end).
    public static func text(of file: String) throws(SystemErrorCode) -> String {
        String(decoding: try bytes(of: file), as: UTF8.self)
    }

    /// A whole file that must be UTF-8 text: a configuration, a catalog entry, a state file.
    public static func utf8Text(of file: String) throws(FileTextError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try self.bytes(of: file)
        } catch {
            throw .unreadable(error)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        return text
    }

    /// A whole file as its bytes, for content that need not be UTF-8.
    public static func bytes(of file: String) throws(SystemErrorCode) -> [UInt8] {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .current }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .current
            }
            if count == 0 { break }
            bytes += chunk.prefix(count)
        }
        return bytes
    }

    /// The last path component of a link's target, such as the driver a device is bound to
    /// (`…/driver -> ../../bus/i2c/drivers/bmp280`); `nil` when it is no link.
    public static func linkTargetName(_ link: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX))
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let target = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return target.split(separator: "/").last.map(String.init)
    }

    /// True when the path exists and is a directory (following links, as sysfs device
    /// entries are links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
