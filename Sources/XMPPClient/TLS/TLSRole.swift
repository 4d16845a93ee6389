/// Which end of the handshake a `TLSContext` configures.
public enum TLSRole: Sendable, Hashable {
    /// Verifies the peer's certificate; what the gateway is towards its XMPP server.
    case client
    /// Presents a certificate and verifies none; for test servers.
    case server
}
