import Drivers
import FoundationEssentials

/// One field's value as a readout shows it: the value, when it was measured, and whether it
/// is still current.
public struct FieldState: Sendable, Hashable {
    public enum Freshness: Sendable, Hashable {
        case current
        case stale(age: Duration)
        case missing
    }

    public var field: DeviceField
    public var value: FieldValue?
    public var measuredAt: Date?
    public var freshness: Freshness

    public init(field: DeviceField, value: FieldValue?, measuredAt: Date?, freshness: Freshness) {
        self.field = field
        self.value = value
        self.measuredAt = measuredAt
        self.freshness = freshness
    }
}
