/// Sends at most one sample per `interval`: the first, then the first that comes at least
/// `interval` after the last one sent (exactly `interval` later counts). Samples in between
/// are dropped, not delayed.
public struct ThrottleFilter: FieldFilter, Hashable {
    public var interval: Duration
    public private(set) var lastSentAt: ContinuousClock.Instant?

    public init(interval: Duration) {
        self.interval = interval
    }

    public mutating func accept(_ sample: FieldSample) -> FieldSample? {
        if let lastSentAt, sample.time - lastSentAt < interval {
            return nil
        }
        lastSentAt = sample.time
        return sample
    }
}
