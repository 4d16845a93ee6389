/// A pin on a public key: the SHA-256 of a certificate's DER-encoded
/// SubjectPublicKeyInfo, as HPKP (RFC 7469) defines it.
///
/// A pin survives certificate renewal as long as the key stays the same. Compute one with
/// `openssl x509 -in cert.pem -pubkey -noout | openssl pkey -pubin -outform der |
/// openssl dgst -sha256 -binary | base64`. A pin matches when any certificate of the
/// verified chain carries that key, so pinning the private CA's key works as well as
/// pinning the server's.
public struct SPKIPin: Sendable, Hashable, CustomStringConvertible {
    /// The 32 bytes of the SHA-256 digest.
    public let sha256: [UInt8]

    /// Reads a pin in its usual form, 44 characters of padded Base64.
    public init(base64: String) throws(TLSContextError) {
        guard let digest = Base64.decode(base64), digest.count == 32 else {
            throw .pinInvalid(base64)
        }
        sha256 = digest
    }

    init(sha256: [UInt8]) {
        self.sha256 = sha256
    }

    public var base64: String { Base64.encode(sha256) }

    public var description: String { base64 }
}
