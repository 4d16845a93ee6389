/// What an online session writes in one event-loop tick, sent as one TLS record when the
/// tick ends, together with the `<a/>` the server is owed.
///
/// A reply and the stanzas that follow it (XEP-0323's `<accepted/>` result and its
/// `<fields/>` message) then cost the server one read instead of one each. Prosody asks for
/// an ack (`<r/>`) after every stanza it sends a stream-management session, so an `<a/>`
/// sent on its own would add a read to every request the session answers; XEP-0198 lets the
/// answer wait for a timeout, so it rides with the reply instead.
struct OutboundBatch {
    private var text = ""
    /// The server sent `<r/>` and has had no `<a/>` since.
    private(set) var owesAck = false

    var isEmpty: Bool { text.isEmpty && !owesAck }

    mutating func append(_ stanzas: String) {
        text += stanzas
    }

    mutating func ackRequested() {
        owesAck = true
    }

    /// Everything to write, ending with the `<a/>` owed, which carries `handled` as it is
    /// when the batch leaves; nil when there is nothing to write.
    mutating func take(handled: UInt32) -> String? {
        guard !isEmpty else { return nil }
        defer {
            text = ""
            owesAck = false
        }
        guard owesAck else { return text }
        return text + "<a xmlns='\(StreamFeatures.streamManagementNamespace)' h='\(handled)'/>"
    }
}
