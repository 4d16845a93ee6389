/// How long to wait before the next connection attempt: capped exponential backoff with
/// full jitter — a uniformly random delay between zero and `min(cap, base × 2^attempt)` —
/// so that many sessions dropped by the same outage do not all come back at once.
public struct ReconnectBackoff: Sendable, Equatable {
    public var base: Duration
    public var cap: Duration
    /// Failed attempts since the last success.
    public private(set) var attempt = 0

    public init(base: Duration = .seconds(1), cap: Duration = .seconds(300)) {
        self.base = base
        self.cap = cap
    }

    /// The delay before the next attempt; counts the attempt.
    public mutating func nextDelay(using random: inout some RandomNumberGenerator) -> Duration {
        let ceiling = ceilingMilliseconds
        attempt += 1
        return .milliseconds(Int64.random(in: 0...ceiling, using: &random))
    }

    /// After a session was established: the next failure starts from `base` again.
    public mutating func reset() {
        attempt = 0
    }

    /// `min(cap, base × 2^attempt)` in milliseconds, without overflowing for large attempts.
    var ceilingMilliseconds: Int64 {
        let capMilliseconds = Self.milliseconds(cap)
        let grown = Self.milliseconds(base) << min(attempt, 40)
        return min(capMilliseconds, grown)
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
