/// What a completed negotiation produced.
public struct SessionEstablished: Sendable, Equatable {
    public enum StreamManagement: Sendable, Equatable {
        /// The server does not offer XEP-0198, or refused to enable it.
        case unavailable
        /// Enabled on a new stream; `resumptionID` is set when the server allows resuming.
        case enabled(resumptionID: String?, maxSeconds: Int?)
        /// An earlier stream was resumed; `h` is how many of our stanzas the server handled.
        case resumed(h: UInt32)
    }

    public struct FailedResumption: Sendable, Equatable {
        public var h: UInt32?
    }

    /// The full JID the server bound.
    public var jid: JID
    /// The server bound another resource than the one asked for.
    public var resourceChanged: Bool
    /// How the account logged in; `-PLUS` means the TLS channel was bound to the login.
    public var mechanism: SASLMechanism
    public var streamManagement: StreamManagement
    /// Resumption of an earlier stream was tried and failed: its unacknowledged stanzas may
    /// not have arrived. The server's `h`, when given, acknowledges some of them.
    public var failedResumption: FailedResumption?
    public var rosterVersioning: Bool

    public init(jid: JID, resourceChanged: Bool, mechanism: SASLMechanism, streamManagement: StreamManagement,
                rosterVersioning: Bool) {
        self.jid = jid
        self.resourceChanged = resourceChanged
        self.mechanism = mechanism
        self.streamManagement = streamManagement
        self.rosterVersioning = rosterVersioning
    }
}
