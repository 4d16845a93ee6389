import Drivers
import FoundationEssentials

/// Something a device did that subscribers, the history and presence care about.
public enum DeviceUpdate: Sendable, Hashable {
    /// Values of one frame or sample that passed calibration and filters, to be published
    /// and stored together.
    case published([FieldReading], measuredAt: Date)
    case health(DeviceHealth)
    /// The driver's word for the owner (``DriverEvent/notice(_:)``), for the log.
    case notice(String)
}
