/// How well a device is doing, as its presence shows it.
public enum DeviceHealth: Sendable, Hashable {
    /// Opened, no reading yet.
    case starting
    case reading
    /// Readings have stopped arriving or are older than the fields allow.
    case stale(reason: String)
    /// The last attempts failed (bad frames, bus errors, silence).
    case failing(reason: String)
    /// The device is not there (unplugged, never found).
    case gone(reason: String)

    /// A short reason for people, `nil` while all is well.
    public var problem: String? {
        switch self {
        case .starting, .reading: nil
        case let .stale(reason), let .failing(reason), let .gone(reason): reason
        }
    }
}
