import Synchronization
import XMPPClient

/// Open XEP-0050 sessions: which command and device a session id belongs to, and who
/// started it. A session answers only its starter and expires after `lifetime`.
final class CommandSessions: Sendable {
    struct Session: Sendable {
        var node: String
        var device: String
        var owner: JID
        var started: ContinuousClock.Instant
    }

    private let sessions = Mutex<[String: Session]>([:])
    private let lifetime: Duration

    init(lifetime: Duration = .seconds(600)) {
        self.lifetime = lifetime
    }

    func open(node: String, device: String, owner: JID, at now: ContinuousClock.Instant) -> String {
        let id = String(UInt64.random(in: 1...UInt64.max), radix: 36)
        sessions.withLock { sessions in
            sessions = sessions.filter { now - $0.value.started < lifetime }
            sessions[id] = Session(node: node, device: device, owner: owner.bare, started: now)
        }
        return id
    }

    /// The session `id` of `owner` on `node`, removed; `nil` when unknown, someone else's or expired.
    func close(_ id: String, node: String, owner: JID, at now: ContinuousClock.Instant) -> Session? {
        sessions.withLock { sessions in
            guard let session = sessions[id], session.node == node, session.owner == owner.bare else { return nil }
            sessions[id] = nil
            return now - session.started < lifetime ? session : nil
        }
    }
}
