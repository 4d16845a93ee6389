import Glibc

extension FileAccess {
    /// Makes `directory` and whichever of its parents are missing, as `mkdir -p` does.
    public static func createDirectory(_ directory: String) throws(SystemErrorCode) {
        guard mkdir(directory, 0o755) != 0 else { return }
        var failure = SystemErrorCode.current
        let parent = PathComponents.directory(of: directory)
        if failure.rawValue == ENOENT, parent != directory {
            try createDirectory(parent)
            guard mkdir(directory, 0o755) != 0 else { return }
            failure = .current
        }
        // Made meanwhile by someone else, or there from the start: as good as made here.
        guard failure.rawValue == EEXIST, isDirectory(directory) else { throw failure }
    }

    /// Replaces `file`'s contents in one step: they are written to a hidden temporary file
    /// beside it that is then renamed over it, so a reader sees the old contents or the new,
    /// never a part. `durably` also flushes the file and then its directory to disk before
    /// returning, so that a power cut cannot bring the old contents back — which costs an
    /// SD card a write each, so only for state that must survive.
    public static func replace(
        _ file: String, with bytes: [UInt8], permissions: mode_t, durably: Bool
    ) throws(SystemErrorCode) {
        let directory = PathComponents.directory(of: file)
        // A unique name, so two writers of one file never share a temporary; hidden, so a
        // reader listing the directory (IIO attributes) never takes it for a file of its own.
        var template = Array("\(directory)/.\(PathComponents.lastComponent(of: file)).XXXXXX".utf8CString)
        // (`mkostemp`, which would set close-on-exec at once, is a GNU extension Swift's
        // Glibc module does not show; the gateway starts no programs meanwhile.)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw .current }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do throws(SystemErrorCode) {
            defer { close(descriptor) }
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            guard fchmod(descriptor, permissions) == 0 else { throw .current }
            try write(bytes, to: descriptor)
            guard !durably || fsync(descriptor) == 0 else { throw .current }
            guard rename(temporary, file) == 0 else { throw .current }
        } catch {
            unlink(temporary)
            throw error
        }
        if durably {
            // Makes the rename itself durable: without it a power cut may bring back the old name.
            let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard folder >= 0 else { throw .current }
            defer { close(folder) }
            guard fsync(folder) == 0 else { throw .current }
        }
    }

    /// Writes `text` into a file that must exist already, in place: how a kernel attribute
    /// (sysfs) takes a new value — the kernel acts on the write, so no temporary and rename.
    public static func overwrite(_ file: String, with text: String) throws(SystemErrorCode) {
        let descriptor = open(file, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw .current }
        defer { close(descriptor) }
        try write(Array(text.utf8), to: descriptor)
    }

    /// Makes `link` a symbolic link to `target`.
    public static func createSymbolicLink(_ link: String, to target: String) throws(SystemErrorCode) {
        guard symlink(target, link) == 0 else { throw .current }
    }

    /// Removes a file or link, or a directory with everything in it.
    public static func remove(_ path: String) throws(SystemErrorCode) {
        guard unlink(path) != 0 else { return }
        // Linux refuses to unlink a directory with EISDIR; a link to one is unlinked above.
        guard errno == EISDIR else { throw .current }
        for entry in try entries(of: path) {
            try remove("\(path)/\(entry)")
        }
        guard rmdir(path) == 0 else { throw .current }
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) throws(SystemErrorCode) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .current
            }
            offset += count
        }
    }
}
