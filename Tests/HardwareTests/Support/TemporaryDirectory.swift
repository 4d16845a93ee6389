import Glibc

/// A directory for one test, removed with everything in it when the test lets go of it:
/// the sysfs trees of the 1-Wire and IIO tests, the by-id links of the serial tests.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/hardware-tests.XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw TestFailure("mkdtemp in \(base): errno \(errno)")
        }
        path = String(cString: created)
    }

    deinit {
        Self.remove(path)
    }

    /// Creates a directory (and its parents) below this one; returns its path.
    @discardableResult
    func makeDirectory(_ relativePath: String) throws -> String {
        var current = path
        for component in relativePath.split(separator: "/") {
            current += "/\(component)"
            guard mkdir(current, 0o755) == 0 || errno == EEXIST else {
                throw TestFailure("mkdir \(current): errno \(errno)")
            }
        }
        return current
    }

    /// Writes a file below this one, creating its directory; returns its path.
    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> String {
        let directory = relativePath.split(separator: "/").dropLast().joined(separator: "/")
        if !directory.isEmpty {
            try makeDirectory(directory)
        }
        let file = "\(path)/\(relativePath)"
        let descriptor = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TestFailure("open \(file): errno \(errno)") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw TestFailure("write \(file): errno \(errno)") }
        return file
    }

    /// Makes a symbolic link below this one pointing at `target`; returns its path.
    @discardableResult
    func link(_ relativePath: String, to target: String) throws -> String {
        let directory = relativePath.split(separator: "/").dropLast().joined(separator: "/")
        if !directory.isEmpty {
            try makeDirectory(directory)
        }
        let link = "\(path)/\(relativePath)"
        guard symlink(target, link) == 0 else { throw TestFailure("symlink \(link): errno \(errno)") }
        return link
    }

    /// Removes a file or directory tree below this one.
    func remove(_ relativePath: String) {
        Self.remove("\(path)/\(relativePath)")
    }

    private static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR, let directory = opendir(path) {
            var children: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { children.append(name) }
            }
            closedir(directory)
            for child in children {
                remove("\(path)/\(child)")
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
