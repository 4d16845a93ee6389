/// Sends every sample on, and when nothing was sent for `interval`, sends the last value
/// again, so a subscriber sees the device alive even while a delta filter before it holds
/// back an unchanged value.
///
/// The repeated sample keeps the time it was measured at: it is the same measurement, and its
/// age still decides whether it is stale. Put the heartbeat last in a chain: a filter after it
/// could hold the repetition back.
public struct HeartbeatFilter: FieldFilter, Hashable {
    public var interval: Duration
    public private(set) var last: FieldSample?
    public private(set) var lastSentAt: ContinuousClock.Instant?

    public init(interval: Duration) {
        self.interval = interval
    }

    public mutating func accept(_ sample: FieldSample) -> FieldSample? {
        last = sample
        lastSentAt = sample.time
        return sample
    }

    public mutating func tick(at time: ContinuousClock.Instant) -> FieldSample? {
        guard let last, let deadline = nextDeadline, time >= deadline else { return nil }
        // Counting from now, not from the deadline, so that a late tick (the gateway was busy
        // or suspended) sends one repetition instead of a burst of missed ones.
        lastSentAt = time
        return last
    }

    public var nextDeadline: ContinuousClock.Instant? {
        lastSentAt.map { $0 + interval }
    }
}
