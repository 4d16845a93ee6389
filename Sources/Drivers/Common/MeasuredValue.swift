/// One typed value decoded from a sensor: which field, how much, in which unit.
///
/// Drivers return these; the device layer adds the time stamp, the device identity and the
/// precision from the device's model file before a value leaves the gateway.
public struct MeasuredValue: Sendable, Hashable {
    /// The field the device publishes the value under (an XEP-0323 field name), e.g. `temperature`.
    public var field: String
    public var value: Double
    public var unit: MeasurementUnit

    public init(field: String, value: Double, unit: MeasurementUnit) {
        self.field = field
        self.value = value
        self.unit = unit
    }
}
