/// What a completed TLS handshake settled, as SASL and the logs need it.
public struct TLSSessionInfo: Sendable, Hashable {
    public var protocolVersion: TLSProtocolVersion
    /// OpenSSL's name of the cipher suite, e.g. `TLS_AES_256_GCM_SHA384`.
    public var cipherSuite: String
    /// The ALPN protocol both sides agreed on, if any.
    public var applicationProtocol: String?
    /// Binding data for every type this connection defines, computed when the handshake
    /// completed. Which types appear:
    /// - `tls-exporter` on TLS 1.3; on TLS 1.2 only with the extended master secret
    ///   (RFC 7627), the condition RFC 9266 §3 sets for it there.
    /// - `tls-unique` on TLS 1.2 only (RFC 9266 leaves it undefined on 1.3), and only
    ///   with the extended master secret, which closes the triple-handshake attack on it.
    /// - `tls-server-end-point` whenever the server's certificate has a hash in its
    ///   signature algorithm (not for Ed25519 certificates).
    public var channelBindings: [ChannelBinding]

    public init(
        protocolVersion: TLSProtocolVersion,
        cipherSuite: String,
        applicationProtocol: String?,
        channelBindings: [ChannelBinding]
    ) {
        self.protocolVersion = protocolVersion
        self.cipherSuite = cipherSuite
        self.applicationProtocol = applicationProtocol
        self.channelBindings = channelBindings
    }

    /// The binding data of one type, or `nil` if this connection does not define it.
    public func channelBinding(_ type: ChannelBindingType) -> [UInt8]? {
        channelBindings.first { $0.type == type }?.data
    }
}
