/// Why a configured device could not be bound to its bus before any bus was touched.
public enum DeviceAttachmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A property the device's bus needs is not set.
    case missing(String, bus: String)
    case invalid(String, value: String, expected: String)
    /// No device with that id or name in sysfs.
    case notFound(String)

    public var description: String {
        switch self {
        case let .missing(property, bus): "\(property) is required for a device on \(bus)"
        case let .invalid(property, value, expected): "\(property) \(value): expected \(expected)"
        case let .notFound(device): "no device \(device)"
        }
    }
}
