import Synchronization

/// Tells the sessions of one account that their server can be reached again.
///
/// Each session backs off on its own, with full jitter, so after a long outage some of a
/// gateway's device sessions may still be waiting minutes for their next attempt when the
/// server has long been back. Once one session of the account is online the outage is
/// over: every other session waiting longer than `spread` tries again after a random delay
/// within `spread` instead — soon, but not all in the same instant.
///
/// Shared like ``SCRAMKeyCache``: one per account, from whatever thread the sessions run on.
public final class ReconnectSignal: Sendable {
    /// Called with `spread` by `reachable`; the session hops to its own event loop.
    typealias Wake = @Sendable (Duration) -> Void

    public let spread: Duration
    private let waiting = Mutex<[ObjectIdentifier: Wake]>([:])

    public init(spread: Duration = .seconds(5)) {
        self.spread = spread
    }

    /// `session` waits for its next attempt; `wake` shortens that wait.
    func wait(_ session: ObjectIdentifier, wake: @escaping Wake) {
        waiting.withLock { $0[session] = wake }
    }

    /// `session` is no longer waiting: it is connecting, or stopped.
    func stopWaiting(_ session: ObjectIdentifier) {
        _ = waiting.withLock { $0.removeValue(forKey: session) }
    }

    /// A session is online: wakes every session that waits, once.
    func reachable() {
        let woken = waiting.withLock { waiting in
            defer { waiting.removeAll() }
            return Array(waiting.values)
        }
        for wake in woken { wake(spread) }
    }
}
