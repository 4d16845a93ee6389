import Drivers
import Foundation

/// Something a device did that subscribers, the history and presence care about.
public enum DeviceUpdate: Sendable, Hashable {
    /// A value passed calibration and filters and is to be published and stored.
    case published(field: String, value: FieldValue, measuredAt: Date)
    case health(DeviceHealth)
}
