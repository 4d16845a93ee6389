/// The type of a field a device yields or of a control parameter it accepts; it decides how
/// text from a line protocol is converted and which XEP-0323 field element carries the value.
public enum FieldType: String, Sendable, Hashable, CaseIterable {
    /// A decimal number, published with the field's precision.
    case numeric
    /// A whole number (a counter, a satellite count).
    case int
    case boolean
    case string
    /// One word out of the field's `choices`.
    case `enum`

    /// Whether values of the type are numbers that filters and calibration apply to.
    public var isNumber: Bool {
        self == .numeric || self == .int
    }
}
