/// Keeps a flapping sensor from flooding subscribers: at most one presence per `interval`;
/// a change inside it is sent when the interval has passed, as the newest state then.
struct PresenceThrottle: Sendable {
    enum Decision: Equatable, Sendable {
        case sendNow
        /// Send at this moment (if nothing newer replaced it).
        case sendAt(ContinuousClock.Instant)
        /// A send is already scheduled and will carry the newest state.
        case alreadyScheduled
    }

    let interval: Duration
    private var lastSent: ContinuousClock.Instant?
    private var scheduled: ContinuousClock.Instant?

    init(interval: Duration) {
        self.interval = interval
    }

    mutating func change(at now: ContinuousClock.Instant) -> Decision {
        if scheduled != nil { return .alreadyScheduled }
        guard let lastSent, now - lastSent < interval else {
            lastSent = now
            return .sendNow
        }
        let due = lastSent + interval
        scheduled = due
        return .sendAt(due)
    }

    /// A scheduled send went out at `now`.
    mutating func sent(at now: ContinuousClock.Instant) {
        scheduled = nil
        lastSent = now
    }
}
