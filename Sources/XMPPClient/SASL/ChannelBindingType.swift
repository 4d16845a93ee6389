/// A way of binding a SCRAM exchange to the TLS channel underneath it (RFC 5056), so a
/// man in the middle who terminates TLS cannot relay the login.
///
/// Cases are declared in order of preference: the strongest binding first.
public enum ChannelBindingType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// RFC 9266: 32 bytes of exported keying material. The only type defined for TLS 1.3.
    case tlsExporter = "tls-exporter"
    /// RFC 5929: the first Finished message of the handshake. TLS 1.2 and earlier only.
    case tlsUnique = "tls-unique"
    /// RFC 5929: a hash of the server's certificate. Binds to the certificate, not to this
    /// connection, so it is the weakest of the three.
    case tlsServerEndPoint = "tls-server-end-point"

    public var description: String { rawValue }
}
