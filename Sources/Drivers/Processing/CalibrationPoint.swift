/// A pair for linear calibration: what the sensor said, and what a reference instrument said
/// at the same moment.
public struct CalibrationPoint: Sendable, Hashable {
    public var measured: Double
    public var actual: Double

    public init(measured: Double, actual: Double) {
        self.measured = measured
        self.actual = actual
    }
}
