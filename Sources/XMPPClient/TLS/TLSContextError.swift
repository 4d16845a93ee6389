/// Why a `TLSContext` could not be built: a problem in the configuration or in the
/// files it names, found at start-up rather than on the first connection.
public enum TLSContextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// OpenSSL could not allocate or set up the context itself.
    case contextCreationFailed(openSSL: String)
    /// `maximumVersion` is below the lowest version this context may use.
    case maximumVersionBelowMinimum(minimum: TLSProtocolVersion, maximum: TLSProtocolVersion)
    /// The system's CA store could not be loaded.
    case systemTrustStoreUnavailable(openSSL: String)
    case caFileUnreadable(path: String, openSSL: String)
    case certificateFileUnreadable(path: String, openSSL: String)
    case privateKeyFileUnreadable(path: String, openSSL: String)
    case privateKeyDoesNotMatchCertificate(certificatePath: String, privateKeyPath: String)
    /// A pin that is not the Base64 of a 32-byte SHA-256 digest.
    case pinInvalid(String)
    /// An ALPN protocol name must be 1 to 255 bytes long.
    case applicationProtocolInvalid(String)

    public var description: String {
        switch self {
        case .contextCreationFailed(let openSSL):
            "OpenSSL could not create a TLS context: \(openSSL)"
        case .maximumVersionBelowMinimum(let minimum, let maximum):
            "the TLS maximum version \(maximum) is below the minimum \(minimum)"
        case .systemTrustStoreUnavailable(let openSSL):
            "the system's CA certificates could not be loaded (is ca-certificates installed?): \(openSSL)"
        case .caFileUnreadable(let path, let openSSL):
            "the CA file \(path) could not be read as PEM certificates: \(openSSL)"
        case .certificateFileUnreadable(let path, let openSSL):
            "the certificate file \(path) could not be read as a PEM certificate chain: \(openSSL)"
        case .privateKeyFileUnreadable(let path, let openSSL):
            "the private key file \(path) could not be read as a PEM private key: \(openSSL)"
        case .privateKeyDoesNotMatchCertificate(let certificatePath, let privateKeyPath):
            "the private key in \(privateKeyPath) does not belong to the certificate in \(certificatePath)"
        case .pinInvalid(let pin):
            "the pin \"\(pin)\" is not the Base64 of a SHA-256 digest (32 bytes, 44 characters)"
        case .applicationProtocolInvalid(let name):
            "the ALPN protocol name \"\(name)\" must be 1 to 255 bytes long"
        }
    }
}
