/// The certificate authorities a client accepts a server's certificate from.
public enum TLSTrustRoots: Sendable, Hashable {
    /// The operating system's store (`/etc/ssl/certs` on Debian), as OpenSSL finds it.
    case system
    /// Only the CA certificates in this PEM file: a LAN server with a private CA.
    case caFile(path: String)
}
