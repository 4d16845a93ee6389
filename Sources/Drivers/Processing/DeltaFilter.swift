/// Sends a sample only when it differs from the last one sent by at least `absolute`, or by
/// at least `percent` of the last one sent: a room temperature that wobbles by 0.01 °C does
/// not become a stream of PEP publications.
///
/// The first sample always goes through. A sample equal to the last one sent never does, even
/// with a threshold of zero (which thus means "on any change"). When both thresholds are
/// given, reaching either is enough.
public struct DeltaFilter: FieldFilter, Hashable {
    public var absolute: Double?
    public var percent: Double?
    public private(set) var lastSent: Double?

    public init(absolute: Double? = nil, percent: Double? = nil) {
        self.absolute = absolute
        self.percent = percent
    }

    public mutating func accept(_ sample: FieldSample) -> FieldSample? {
        guard let lastSent else {
            self.lastSent = sample.value
            return sample
        }
        let change = abs(sample.value - lastSent)
        guard change > 0 else { return nil }
        let absoluteReached = absolute.map { change >= $0 } ?? false
        let percentReached = percent.map { change >= abs(lastSent) * $0 / 100 } ?? false
        guard absoluteReached || percentReached else { return nil }
        self.lastSent = sample.value
        return sample
    }
}
