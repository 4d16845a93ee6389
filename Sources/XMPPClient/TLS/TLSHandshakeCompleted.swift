/// The user inbound event `OpenSSLTLSHandler` fires once the handshake has completed and
/// the peer is verified. Plaintext reads follow it, never precede it; writes issued
/// before it have gone out by then.
///
/// For STARTTLS this is the moment to restart the XML stream; for SCRAM-PLUS the
/// session carries the channel-binding data.
public struct TLSHandshakeCompleted: Sendable, Hashable {
    public var session: TLSSessionInfo

    public init(session: TLSSessionInfo) {
        self.session = session
    }
}
