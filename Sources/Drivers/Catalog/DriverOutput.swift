/// A field a built-in driver yields, or a parameter it accepts, with the unit and type it
/// has: a model file's field of the same name must agree, so that a unit typed by hand cannot
/// contradict what the driver computes.
public struct DriverOutput: Sendable, Hashable {
    public var name: String
    /// The unit symbol; empty for unitless values.
    public var unit: String
    public var type: FieldType

    public init(_ name: String, unit: String = "", type: FieldType = .numeric) {
        self.name = name
        self.unit = unit
        self.type = type
    }

    public init(_ name: String, unit: MeasurementUnit, type: FieldType = .numeric) {
        self.init(name, unit: unit.rawValue, type: type)
    }
}
