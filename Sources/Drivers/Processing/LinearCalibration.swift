/// Maps a measured value onto `slope × value + intercept`, the line fitted to calibration
/// points by least squares.
///
/// With two points the line passes through both (the classic two-point calibration); with
/// more, it is the line closest to all of them, so one badly read reference point does not
/// bend the whole scale.
public struct LinearCalibration: FieldFilter, Hashable {
    public var slope: Double
    public var intercept: Double

    public init(slope: Double, intercept: Double) {
        self.slope = slope
        self.intercept = intercept
    }

    /// The least-squares line through `points`; `nil` unless there are at least two points with
    /// different measured values (through one point, or points stacked on one measured value,
    /// any slope fits equally well).
    public init?(fitting points: [CalibrationPoint]) {
        guard points.count >= 2 else { return nil }
        let count = Double(points.count)
        let meanMeasured = points.map(\.measured).reduce(0, +) / count
        let meanActual = points.map(\.actual).reduce(0, +) / count
        var covariance = 0.0
        var variance = 0.0
        for point in points {
            covariance += (point.measured - meanMeasured) * (point.actual - meanActual)
            variance += (point.measured - meanMeasured) * (point.measured - meanMeasured)
        }
        guard variance > 0 else { return nil }
        let slope = covariance / variance
        let intercept = meanActual - slope * meanMeasured
        guard slope.isFinite, intercept.isFinite else { return nil }
        self.init(slope: slope, intercept: intercept)
    }

    public func accept(_ sample: FieldSample) -> FieldSample? {
        FieldSample(value: slope * sample.value + intercept, time: sample.time)
    }
}
