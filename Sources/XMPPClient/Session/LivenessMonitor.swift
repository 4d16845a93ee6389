/// Decides, from when the server was last heard, whether to ping it or to give the link
/// up: a half-open TCP connection (a NAT that forgot us, a pulled cable upstream) looks
/// alive until something is sent and nothing comes back.
struct LivenessMonitor: Sendable {
    enum Verdict: Equatable {
        case alive
        case ping
        case dead
    }

    let pingAfter: Duration
    let deadAfter: Duration
    private(set) var lastHeard: ContinuousClock.Instant
    private var pingSentAt: ContinuousClock.Instant?

    init(pingAfter: Duration, deadAfter: Duration, now: ContinuousClock.Instant) {
        self.pingAfter = pingAfter
        self.deadAfter = deadAfter
        lastHeard = now
    }

    mutating func heard(at now: ContinuousClock.Instant) {
        lastHeard = now
        pingSentAt = nil
    }

    /// Called periodically; `.ping` at most once per silence.
    mutating func check(at now: ContinuousClock.Instant) -> Verdict {
        let silence = now - lastHeard
        if silence >= deadAfter { return .dead }
        if silence >= pingAfter, pingSentAt == nil {
            pingSentAt = now
            return .ping
        }
        return .alive
    }
}
