/// A token bucket: holds up to `capacity` tokens, gains one every `refillInterval`, and each
/// request takes one. A full bucket allows a burst of `capacity` requests at once; after
/// that, one per interval. Time is given by the caller (elapsed since the bucket was made),
/// so the bucket is a plain value tested without a clock.
public struct TokenBucket: Sendable, Hashable {
    public let capacity: Int
    public let refillInterval: Duration
    /// Whole tokens plus the time already accumulated toward the next one.
    private var tokens: Int
    private var lastRefill: Duration

    /// A full bucket at time `now`.
    public init(capacity: Int, refillInterval: Duration, now: Duration) {
        precondition(capacity > 0 && refillInterval > .zero, "a token bucket needs a capacity and a refill interval")
        self.capacity = capacity
        self.refillInterval = refillInterval
        tokens = capacity
        lastRefill = now
    }

    /// Takes a token if there is one at `now`; `false`: the request must be refused.
    public mutating func take(now: Duration) -> Bool {
        refill(now: now)
        guard tokens > 0 else { return false }
        tokens -= 1
        return true
    }

    /// Whether the bucket is full at `now`, so forgetting it changes nothing.
    public mutating func isFull(now: Duration) -> Bool {
        refill(now: now)
        return tokens == capacity
    }

    private mutating func refill(now: Duration) {
        guard tokens < capacity else {
            lastRefill = now
            return
        }
        let elapsed = now - lastRefill
        guard elapsed >= refillInterval else { return }
        let gained = Int(elapsed / refillInterval)
        if gained >= capacity - tokens {
            tokens = capacity
            lastRefill = now
        } else {
            tokens += gained
            lastRefill += refillInterval * gained
        }
    }
}
