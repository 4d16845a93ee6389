/// Why a serial port could not be opened, read or written, naming the port.
public enum SerialPortError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing at that path: unplugged, or a `/dev/serial/by-id` name that changed.
    case notFound(path: String)
    /// A `/dev/serial/by-id` name without its link, which udevd makes, and no USB serial port
    /// present that udev would give the name; `present` are the names they would get.
    case byIDNameNotFound(path: String, present: [SerialByIDName])
    case permissionDenied(PermissionDenial)
    /// Another process holds the port (it has it open exclusively or locked).
    case busy(path: String)
    /// The path exists but is no terminal device.
    case notATerminal(path: String)
    /// The driver or the kernel refused a setting, such as a baud rate it does not know.
    case unsupportedSetting(path: String, setting: String)
    case openFailed(path: String, SystemErrorCode)
    /// The device vanished: a USB adapter unplugged, a hung-up line. Reopen when it is back.
    case gone(path: String)
    case readFailed(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    /// A write did not complete in time. The port was closed, since part of the bytes may
    /// already be on the line and the rest would corrupt whatever is sent next.
    case writeTimedOut(path: String, after: Duration)
    /// The task writing was cancelled mid-write; the port was closed for the same reason.
    case writeCancelled(path: String)
    /// The port was closed by its owner.
    case closed(path: String)

    public var description: String {
        switch self {
        case .notFound(let path): "serial port \(path) not found"
        case .byIDNameNotFound(let path, let present):
            "serial port \(path) not found: no such link, and no USB serial port present has that by-id name; "
                + (present.isEmpty ? "none is present" : "present: " + present.map(\.description).joined(separator: ", "))
        case .permissionDenied(let denial): denial.description
        case .busy(let path): "serial port \(path) is in use by another process"
        case .notATerminal(let path): "\(path) is not a serial port (not a terminal device)"
        case .unsupportedSetting(let path, let setting): "serial port \(path) does not support \(setting)"
        case .openFailed(let path, let code): "cannot open serial port \(path): \(code)"
        case .gone(let path): "serial port \(path) is gone"
        case .readFailed(let path, let reason): "reading serial port \(path) failed: \(reason)"
        case .writeFailed(let path, let reason): "writing serial port \(path) failed: \(reason)"
        case .writeTimedOut(let path, let after): "writing serial port \(path) timed out after \(after); port closed"
        case .writeCancelled(let path): "writing serial port \(path) was cancelled; port closed"
        case .closed(let path): "serial port \(path) is closed"
        }
    }
}
