/// Why a field's processor refused a sample: it is not counted as a value, does not reset
/// the field's staleness and never reaches a subscriber.
public enum SampleRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// NaN or infinity: a failed conversion, never a measurement.
    case notFinite
    /// Outside the field's valid range from the model file.
    case outOfRange(value: Double, limit: ClosedRange<Double>)
    /// Earlier than a sample already taken; filters assume time moves forward.
    case outOfOrder

    public var description: String {
        switch self {
        case .notFinite: "not a finite number"
        case let .outOfRange(value, limit): "\(value) is outside \(limit.lowerBound)…\(limit.upperBound)"
        case .outOfOrder: "older than the previous sample"
        }
    }
}
