/// Why a TLS connection failed, worded so the person running the gateway knows what to
/// change. Whenever one of these is raised the connection is closed: nothing continues
/// unverified.
public enum TLSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server's certificate chain does not lead to a trusted CA, or is expired, or
    /// otherwise invalid; `reason` is OpenSSL's, e.g. "self-signed certificate".
    case certificateUntrusted(reason: String)
    /// The certificate is valid but not for the XMPP domain we connected for.
    case hostnameMismatch(expected: String)
    /// Chain and name are fine, but no certificate in the chain carries a pinned key.
    /// `got` lists the pins the chain does carry, server first.
    case pinMismatch(expected: [SPKIPin], got: [SPKIPin])
    /// The peer wants a TLS version older than TLS 1.2.
    case protocolVersionTooOld
    /// The peer refused every version we offer, although our maximum is capped: it may
    /// require a newer one.
    case protocolVersionRefused(ourMaximum: TLSProtocolVersion)
    /// The handshake failed for another reason: no common cipher, an alert from the peer,
    /// or a peer that does not speak TLS at all.
    case handshakeFailed(openSSLError: String)
    /// The peer closed the TCP connection before the handshake completed.
    case peerClosed
    /// After the handshake: a record failed to decrypt or authenticate, or the peer sent
    /// a fatal alert.
    case connectionFailed(openSSLError: String)
    /// OpenSSL could not set up the connection (out of memory).
    case setupFailed(openSSLError: String)

    public var description: String {
        switch self {
        case .certificateUntrusted(let reason):
            "the server's certificate is not trusted: \(reason); if the server uses a private CA, configure that CA's certificate as the trust root"
        case .hostnameMismatch(let expected):
            "the server's certificate is not valid for \(expected); it must name the XMPP domain itself, not the host the domain's SRV record points to"
        case .pinMismatch(let expected, let got):
            "the server's certificate chain carries none of the pinned keys (\(Self.list(expected))); its keys are \(Self.list(got)): update the pin if the server's key was changed on purpose"
        case .protocolVersionTooOld:
            "the peer supports only TLS versions older than 1.2, which are not safe to use; upgrade the server"
        case .protocolVersionRefused(let ourMaximum):
            "the peer accepts no TLS version up to \(ourMaximum), the configured maximum; it may require a newer one"
        case .handshakeFailed(let openSSLError):
            "the TLS handshake failed: \(openSSLError)"
        case .peerClosed:
            "the peer closed the connection during the TLS handshake"
        case .connectionFailed(let openSSLError):
            "the TLS connection failed: \(openSSLError)"
        case .setupFailed(let openSSLError):
            "OpenSSL could not set up a TLS connection: \(openSSLError)"
        }
    }

    private static func list(_ pins: [SPKIPin]) -> String {
        pins.isEmpty ? "none" : pins.map(\.base64).joined(separator: ", ")
    }
}
