import Glibc

/// Opening a serial port's device file: the system calls before SwiftNIO takes over the
/// descriptor.
enum SerialDeviceFile {
    /// Opens the tty without blocking (no waiting for a carrier), locks it and applies the
    /// configuration. Synchronous: it is a handful of quick system calls.
    static func open(
        path: String,
        configuration: SerialConfiguration
    ) throws(SerialPortError) -> Int32 {
        let descriptor = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = SystemErrorCode.current
            switch code.rawValue {
            case ENOENT, ENXIO, ENODEV: throw .notFound(path: path)
            case EACCES, EPERM:
                throw .permissionDenied(
                    PermissionDenial(path: path, conventionalGroup: "dialout", udevSubsystem: "tty"))
            case EBUSY: throw .busy(path: path)
            default: throw .openFailed(path: path, code)
            }
        }
        do throws(SerialPortError) {
            try lock(descriptor, path: path)
            try configure(descriptor, path: path, configuration: configuration)
        } catch {
            Glibc.close(descriptor)
            throw error
        }
        return descriptor
    }

    private static func lock(_ descriptor: Int32, path: String) throws(SerialPortError) {
        guard isatty(descriptor) == 1 else {
            throw .notATerminal(path: path)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = SystemErrorCode.current
            if code.rawValue == EWOULDBLOCK { throw .busy(path: path) }
            throw .openFailed(path: path, code)
        }
        guard ioctl(descriptor, UInt(TIOCEXCL)) == 0 else {
            throw .openFailed(path: path, .current)
        }
    }

    private static func configure(
        _ descriptor: Int32,
        path: String,
        configuration: SerialConfiguration
    ) throws(SerialPortError) {
        let applied: SerialConfiguration?
        var attributes: TerminalAttributes
        do throws(SystemErrorCode) {
            attributes = try TerminalAttributes(descriptor: descriptor)
        } catch {
            throw .openFailed(path: path, error)
        }
        if let unsupported = attributes.configure(for: configuration) {
            throw .unsupportedSetting(path: path, setting: unsupported)
        }
        do throws(SystemErrorCode) {
            try attributes.apply(to: descriptor)
            applied = try TerminalAttributes(descriptor: descriptor).configuration
        } catch {
            throw .openFailed(path: path, error)
        }
        // tcsetattr succeeds when any one setting took; reading back catches a driver that
        // ignored the speed.
        if let applied, applied.baudRate != configuration.baudRate {
            throw .unsupportedSetting(path: path, setting: "baud rate \(configuration.baudRate)")
        }
    }

    /// What a path leads to through its links, such as the device node of a
    /// `/dev/serial/by-id/…` link; `path` itself when it leads nowhere.
    static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
