import FoundationEssentials
import XMPPClient

/// Open XEP-0050 sessions: which command each belongs to, who started it, and when it
/// expires (10 minutes by default). Time comes in with every call, so expiry is tested
/// without waiting.
public struct AdHocSessions: Sendable {
    struct Entry: Sendable, Hashable {
        var node: String
        var requester: JID
        var expires: Date
    }

    public let lifetime: TimeInterval
    private var entries: [String: Entry] = [:]

    public init(lifetime: TimeInterval = 600) {
        self.lifetime = lifetime
    }

    public var count: Int { entries.count }

    /// Records a new session `id` (the caller makes it unguessable) for `node`.
    public mutating func open(id: String, node: String, requester: JID, now: Date) {
        entries[id] = Entry(node: node, requester: requester, expires: now.addingTimeInterval(lifetime))
    }

    /// Checks that `id` is a live session of `node` started by `requester` (full JID, so
    /// another resource cannot take it over), and extends it.
    public mutating func resume(id: String, node: String, requester: JID, now: Date) throws(AdHocCommandError) {
        guard var entry = entries[id], entry.node == node, entry.requester == requester else {
            throw .badSessionId(id)
        }
        guard entry.expires > now else {
            entries[id] = nil
            throw .sessionExpired(id)
        }
        entry.expires = now.addingTimeInterval(lifetime)
        entries[id] = entry
    }

    public mutating func close(id: String) {
        entries[id] = nil
    }

    /// Forgets expired sessions; call it now and then so abandoned ones do not pile up.
    public mutating func removeExpired(now: Date) {
        entries = entries.filter { $0.value.expires > now }
    }
}
