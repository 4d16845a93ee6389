/// XEP-0198 bookkeeping for one stream: how many of the server's stanzas we handled, and
/// every stanza we sent that the server has not yet acknowledged, so that it can be sent
/// again after a resume. Counters are unsigned 32-bit and wrap, as the XEP says.
public struct StreamManagementLedger: Sendable, Equatable {
    /// Stanzas received from the server and handled: our `h`.
    public private(set) var inboundHandled: UInt32
    /// Stanzas sent since stream management was enabled, modulo 2^32.
    public private(set) var outboundSent: UInt32
    /// The server's last `h`.
    public private(set) var outboundAcknowledged: UInt32
    /// Sent and not yet covered by an `<a h/>`, oldest first.
    public private(set) var unacknowledged: [XMLElement] = []

    public init() {
        self.init(inboundHandled: 0, outboundSent: 0)
    }

    /// A ledger whose counters start elsewhere than zero, to test wrap-around.
    init(inboundHandled: UInt32, outboundSent: UInt32) {
        self.inboundHandled = inboundHandled
        self.outboundSent = outboundSent
        outboundAcknowledged = outboundSent
    }

    public mutating func didSend(_ stanza: XMLElement) {
        outboundSent &+= 1
        unacknowledged.append(stanza)
    }

    public mutating func didHandleInbound() {
        inboundHandled &+= 1
    }

    /// Applies the server's `h` from `<a/>`, `<resumed/>` or `<failed/>`, and returns the
    /// stanzas it newly acknowledges. An `h` covering more than we sent is a protocol error.
    @discardableResult
    public mutating func acknowledge(_ h: UInt32) throws(StreamManagementError) -> [XMLElement] {
        let newlyAcknowledged = Int(h &- outboundAcknowledged)
        guard newlyAcknowledged <= unacknowledged.count else {
            throw .handledCountTooHigh(h: h, sendCount: outboundSent)
        }
        let acknowledged = Array(unacknowledged.prefix(newlyAcknowledged))
        unacknowledged.removeFirst(newlyAcknowledged)
        outboundAcknowledged = h
        return acknowledged
    }

    /// Hands over what is still unacknowledged, e.g. to send again after a resume (which
    /// counts them anew) or to report after a failed one.
    public mutating func takeUnacknowledged() -> [XMLElement] {
        defer {
            unacknowledged = []
            outboundAcknowledged = outboundSent
        }
        return unacknowledged
    }
}

/// A stream management rule the server broke.
public enum StreamManagementError: Error, Sendable, Equatable, CustomStringConvertible {
    case handledCountTooHigh(h: UInt32, sendCount: UInt32)

    public var description: String {
        switch self {
        case .handledCountTooHigh(let h, let sendCount):
            "the server acknowledged \(h) stanzas, but only \(sendCount) were sent"
        }
    }

    /// The application condition XEP-0198 defines for the stream error.
    public var element: XMLElement {
        switch self {
        case .handledCountTooHigh(let h, let sendCount):
            XMLElement("handled-count-too-high", namespace: StreamFeatures.streamManagementNamespace,
                       attributes: ["h": String(h), "send-count": String(sendCount)])
        }
    }
}
