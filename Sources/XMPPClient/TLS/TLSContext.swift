import COpenSSL

/// One OpenSSL `SSL_CTX`: the TLS configuration that every connection made with it
/// shares.
///
/// Build one per configuration and give it to all sessions: a context that trusts the
/// system store holds the parsed CA certificates, several hundred KiB that must not be
/// repeated per connection. Each `OpenSSLTLSHandler` keeps the context it was made with
/// alive.
///
/// Sendable because OpenSSL allows `SSL_new` on one `SSL_CTX` from any thread once the
/// context is configured, and nothing here changes it after `init`.
public final class TLSContext: @unchecked Sendable {
    public let role: TLSRole
    public let minimumVersion: TLSProtocolVersion
    /// `nil`: the newest version OpenSSL supports.
    public let maximumVersion: TLSProtocolVersion?
    /// Checked after the chain and the name verify, as part of the handshake; empty means
    /// no pinning.
    public let pins: [SPKIPin]
    /// ALPN protocol names, most preferred first (XEP-0368: `xmpp-client`).
    public let applicationProtocols: [String]

    let sslContext: OpaquePointer
    /// The ALPN list in wire format (length-prefixed names). A server's selection
    /// callback reads it during handshakes, so it lives as long as the context.
    private let applicationProtocolsWireFormat: UnsafeMutableBufferPointer<UInt8>

    /// A client context: verifies the server's certificate against `trustRoots` and the
    /// name given to each handler, then against `pins` if any. Never below TLS 1.2.
    ///
    /// - Parameter maximumVersion: `.tls1_2` where a server offers channel binding only
    ///   as tls-unique (Prosody 0.12), which TLS 1.3 does not define.
    public convenience init(
        trustRoots: TLSTrustRoots = .system,
        maximumVersion: TLSProtocolVersion? = nil,
        pins: [SPKIPin] = [],
        applicationProtocols: [String] = []
    ) throws(TLSContextError) {
        try self.init(
            role: .client, minimumVersion: .tls1_2, maximumVersion: maximumVersion,
            pins: pins, applicationProtocols: applicationProtocols
        )
        if pins.isEmpty {
            SSL_CTX_set_verify(sslContext, SSL_VERIFY_PEER, nil)
        } else {
            SSL_CTX_set_ex_data(sslContext, SPKIPinVerification.contextIndex, Unmanaged.passUnretained(self).toOpaque())
            SSL_CTX_set_verify(sslContext, SSL_VERIFY_PEER, SPKIPinVerification.callback)
        }
        // We never resume a session, so asking for TLS 1.2 tickets would only cost bytes.
        copenssl_SSL_CTX_disable_session_cache(sslContext)
        OpenSSLErrorQueue.clear()
        switch trustRoots {
        case .system:
            guard SSL_CTX_set_default_verify_paths(sslContext) == 1 else {
                throw .systemTrustStoreUnavailable(openSSL: OpenSSLErrorQueue.drain().text)
            }
        case .caFile(let path):
            guard SSL_CTX_load_verify_file(sslContext, path) == 1 else {
                throw .caFileUnreadable(path: path, openSSL: OpenSSLErrorQueue.drain().text)
            }
        }
    }

    /// A server context presenting the certificate chain and key from PEM files; it asks
    /// no certificate of clients. For test servers, including ones that imitate old peers:
    /// a `minimumVersion` below TLS 1.2 also lowers OpenSSL's security level to 0, without
    /// which OpenSSL 3 refuses those versions.
    public convenience init(
        serverCertificateChainFile certificatePath: String,
        privateKeyFile privateKeyPath: String,
        minimumVersion: TLSProtocolVersion = .tls1_2,
        maximumVersion: TLSProtocolVersion? = nil,
        applicationProtocols: [String] = []
    ) throws(TLSContextError) {
        try self.init(
            role: .server, minimumVersion: minimumVersion, maximumVersion: maximumVersion,
            pins: [], applicationProtocols: applicationProtocols
        )
        if minimumVersion < .tls1_2 {
            SSL_CTX_set_security_level(sslContext, 0)
        }
        OpenSSLErrorQueue.clear()
        // Key first: loaded the other way round, a mismatch would surface as an
        // unreadable key file instead of as what it is.
        guard SSL_CTX_use_PrivateKey_file(sslContext, privateKeyPath, SSL_FILETYPE_PEM) == 1 else {
            throw .privateKeyFileUnreadable(path: privateKeyPath, openSSL: OpenSSLErrorQueue.drain().text)
        }
        guard SSL_CTX_use_certificate_chain_file(sslContext, certificatePath) == 1 else {
            throw .certificateFileUnreadable(path: certificatePath, openSSL: OpenSSLErrorQueue.drain().text)
        }
        guard SSL_CTX_check_private_key(sslContext) == 1 else {
            OpenSSLErrorQueue.clear()
            throw .privateKeyDoesNotMatchCertificate(certificatePath: certificatePath, privateKeyPath: privateKeyPath)
        }
        if !applicationProtocols.isEmpty {
            SSL_CTX_set_alpn_select_cb(sslContext, Self.selectApplicationProtocol, Unmanaged.passUnretained(self).toOpaque())
        }
    }

    private init(
        role: TLSRole,
        minimumVersion: TLSProtocolVersion,
        maximumVersion: TLSProtocolVersion?,
        pins: [SPKIPin],
        applicationProtocols: [String]
    ) throws(TLSContextError) {
        if let maximumVersion, maximumVersion < minimumVersion {
            throw .maximumVersionBelowMinimum(minimum: minimumVersion, maximum: maximumVersion)
        }
        var wireFormat: [UInt8] = []
        for name in applicationProtocols {
            guard (1 ... 255).contains(name.utf8.count) else { throw .applicationProtocolInvalid(name) }
            wireFormat.append(UInt8(name.utf8.count))
            wireFormat.append(contentsOf: name.utf8)
        }
        OpenSSLErrorQueue.clear()
        guard let sslContext = SSL_CTX_new(TLS_method()) else {
            throw .contextCreationFailed(openSSL: OpenSSLErrorQueue.drain().text)
        }
        self.sslContext = sslContext
        self.role = role
        self.minimumVersion = minimumVersion
        self.maximumVersion = maximumVersion
        self.pins = pins
        self.applicationProtocols = applicationProtocols
        applicationProtocolsWireFormat = .allocate(capacity: wireFormat.count)
        _ = applicationProtocolsWireFormat.initialize(from: wireFormat)

        let versionsSet = copenssl_SSL_CTX_set_min_proto_version(sslContext, minimumVersion.openSSLValue) == 1
            && copenssl_SSL_CTX_set_max_proto_version(sslContext, maximumVersion?.openSSLValue ?? 0) == 1
        guard versionsSet else {
            throw .contextCreationFailed(openSSL: OpenSSLErrorQueue.drain().text)
        }
        copenssl_SSL_CTX_set_release_buffers(sslContext)
        copenssl_SSL_CTX_disable_renegotiation(sslContext)
        // A client announces its list; a server selects from it in the callback above.
        if role == .client, !wireFormat.isEmpty {
            // Inverted convention: 0 is success here.
            guard SSL_CTX_set_alpn_protos(sslContext, wireFormat, UInt32(wireFormat.count)) == 0 else {
                throw .contextCreationFailed(openSSL: OpenSSLErrorQueue.drain().text)
            }
        }
    }

    deinit {
        SSL_CTX_free(sslContext)
        applicationProtocolsWireFormat.deallocate()
    }

    /// OpenSSL's ALPN selection callback for servers: the first of the client's names
    /// that we also speak, or no ALPN at all when there is none (lenient, as test servers
    /// should be).
    private static let selectApplicationProtocol: @convention(c) (
        OpaquePointer?,
        UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
        UnsafeMutablePointer<UInt8>?,
        UnsafePointer<UInt8>?,
        UInt32,
        UnsafeMutableRawPointer?
    ) -> Int32 = { _, selected, selectedLength, clientList, clientListLength, argument in
        guard let selected, let selectedLength, let clientList, let argument else { return SSL_TLSEXT_ERR_NOACK }
        // The context outlives every connection made from it: each handler holds it.
        let context = Unmanaged<TLSContext>.fromOpaque(argument).takeUnretainedValue()
        let ours = context.applicationProtocolsWireFormat
        guard let oursStart = ours.baseAddress else { return SSL_TLSEXT_ERR_NOACK }
        var choice: UnsafeMutablePointer<UInt8>?
        let status = SSL_select_next_proto(
            &choice, selectedLength, oursStart, UInt32(ours.count), clientList, clientListLength
        )
        guard status == OPENSSL_NPN_NEGOTIATED, let choice else { return SSL_TLSEXT_ERR_NOACK }
        // Points into our own list, which OpenSSL copies before the handshake goes on.
        selected.pointee = UnsafePointer(choice)
        return SSL_TLSEXT_ERR_OK
    }
}
