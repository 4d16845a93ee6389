/// What a session tells the application, in order.
public enum SessionEvent: Sendable {
    /// The session is online (again). After a resumption nothing was lost and nothing
    /// needs re-sending; after a fresh start, presence was re-sent by the session.
    case online(SessionEstablished)
    /// The connection is gone; the session reconnects after a backoff unless the error
    /// is permanent, in which case `stopped` follows.
    case offline(SessionError)
    /// The session gave up (a permanent error) or was stopped (nil).
    case stopped(SessionError?)
    /// Stanzas sent on an earlier stream that the server never acknowledged and that could
    /// not be resumed: they may not have arrived. The application decides what to re-send.
    case unacknowledged([XMLElement])
    case message(Message)
    case presence(Presence)
    /// Someone asks to see this account's presence. Never approved automatically.
    case subscriptionRequest(from: JID)
    /// The server changed the roster (RFC 6121 §2.1.6).
    case rosterPush(RosterItem)
}
