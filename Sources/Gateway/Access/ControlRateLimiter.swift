import Synchronization
import XMPPClient

/// Per-JID rate limit on control requests: each bare JID has its own `TokenBucket`, so one
/// misbehaving client is refused while everyone else goes on. Time comes from `clock`
/// (`ManualClock` in tests).
public final class ControlRateLimiter<ClockType: Clock>: Sendable where ClockType.Duration == Duration {
    public let limit: ControlRateLimit
    private let clock: ClockType
    private let start: ClockType.Instant
    private let buckets = Mutex<[JID: TokenBucket]>([:])

    /// Beyond this many remembered JIDs, full buckets are forgotten (they would allow the
    /// same burst as a new one), so a flood of senders cannot grow memory without bound.
    static var pruneThreshold: Int { 1024 }

    public init(limit: ControlRateLimit, clock: ClockType) {
        self.limit = limit
        self.clock = clock
        start = clock.now
    }

    /// Whether `sender` may make a control request now; counts it when allowed.
    public func allow(_ sender: JID) -> Bool {
        let now = start.duration(to: clock.now)
        let key = sender.bare
        return buckets.withLock { buckets in
            if buckets.count > Self.pruneThreshold {
                for (jid, var bucket) in buckets where bucket.isFull(now: now) {
                    buckets[jid] = nil
                }
            }
            var bucket = buckets[key] ?? TokenBucket(capacity: limit.burst, refillInterval: limit.interval, now: now)
            let allowed = bucket.take(now: now)
            buckets[key] = bucket
            return allowed
        }
    }

    /// How many senders have a bucket now.
    var rememberedSenders: Int {
        buckets.withLock { $0.count }
    }
}
