/// Why udev could not enumerate devices or watch for them.
public enum UdevError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libudev could not start (out of memory, or no /sys).
    case unavailable
    case enumerationFailed(SystemErrorCode)
    /// The netlink socket for hot-plug events could not be opened or bound; in a container
    /// without its own network namespace privileges this is EPERM.
    case monitorFailed(SystemErrorCode)
    /// Events from udevd were asked for, but udevd is not running (no `/run/udev/control`),
    /// so none would ever come; listen to the kernel's events instead.
    case udevdNotRunning

    public var description: String {
        switch self {
        case .unavailable: "libudev is unavailable"
        case .enumerationFailed(let code): "udev enumeration failed: \(code)"
        case .monitorFailed(let code): "cannot watch udev events: \(code)"
        case .udevdNotRunning: "udevd is not running (no /run/udev/control); watch the kernel's events instead"
        }
    }
}
