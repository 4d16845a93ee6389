import XMPPClient

/// How a device is doing, as its presence shows it (brief §5.8): no `<show>` when it reads
/// well, `away` when degraded (stale or estimated values), `xa` when the sensor is absent
/// or asleep, `dnd` on a fault. Unavailable presence is for a driver that is gone.
public enum DeviceHealth: Sendable, Hashable {
    case ok
    case degraded
    case absent
    case fault

    public var show: Presence.Show? {
        switch self {
        case .ok: nil
        case .degraded: .away
        case .absent: .xa
        case .fault: .dnd
        }
    }
}
