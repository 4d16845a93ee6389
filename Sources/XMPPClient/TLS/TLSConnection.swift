import COpenSSL
import NIOCore

/// One TLS connection in OpenSSL: an `SSL` object between two memory BIOs. Ciphertext
/// from the socket goes into the read BIO; ciphertext for the socket comes out of the
/// write BIO; `OpenSSLTLSHandler` moves it. No sockets, no callbacks into Swift.
///
/// Not thread-safe: it lives on one event loop. `deinit` frees the `SSL` and both BIOs.
final class TLSConnection {
    enum HandshakeProgress {
        case needsMoreData
        case completed
        case failed(TLSError)
    }

    enum ReadOutcome {
        /// Every complete record has been decrypted.
        case needsMoreData
        /// The peer sent close_notify: it will send nothing more.
        case closeNotifyReceived
        case failed(TLSError)
    }

    let context: TLSContext
    /// The name the server's certificate must carry; `nil` in server role.
    let serverName: String?
    private let ssl: OpaquePointer

    /// A memory BIO keeps its largest allocation forever; one above this size is
    /// replaced once empty, so an idle connection does not hold a burst's worth of memory.
    private static let retainedBIOCapacity = 4096
    /// The largest TLS record's plaintext (RFC 8446 §5.1).
    private static let maximumRecordPlaintext = 16384

    /// - Parameter serverName: for a client context, the XMPP domain: sent as SNI and
    ///   verified as the certificate's DNS-ID (or as its IP address if it is one).
    init(context: TLSContext, serverName: String?) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let ssl = SSL_new(context.sslContext) else {
            throw .setupFailed(openSSLError: OpenSSLErrorQueue.drain().text)
        }
        guard let readBIO = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw .setupFailed(openSSLError: OpenSSLErrorQueue.drain().text)
        }
        guard let writeBIO = BIO_new(BIO_s_mem()) else {
            BIO_free(readBIO)
            SSL_free(ssl)
            throw .setupFailed(openSSLError: OpenSSLErrorQueue.drain().text)
        }
        SSL_set_bio(ssl, readBIO, writeBIO)
        self.ssl = ssl
        self.context = context
        self.serverName = serverName
        switch context.role {
        case .server:
            SSL_set_accept_state(ssl)
        case .client:
            SSL_set_connect_state(ssl)
            try expectServerName(serverName ?? "")
        }
    }

    deinit {
        SSL_free(ssl)
    }

    private func expectServerName(_ name: String) throws(TLSError) {
        // An IP address is verified as one and never sent as SNI (RFC 6066 §3).
        if X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name) == 1 {
            return
        }
        OpenSSLErrorQueue.clear()
        SSL_set_hostflags(ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
        guard SSL_set1_host(ssl, name) == 1, copenssl_SSL_set_tlsext_host_name(ssl, name) == 1 else {
            throw .setupFailed(openSSLError: OpenSSLErrorQueue.drain().text)
        }
    }

    /// Hands ciphertext from the socket to OpenSSL.
    func receive(_ ciphertext: ByteBuffer) throws(TLSError) {
        guard ciphertext.readableBytes > 0 else { return }
        OpenSSLErrorQueue.clear()
        let written = ciphertext.withUnsafeReadableBytes { bytes in
            BIO_write(SSL_get_rbio(ssl), bytes.baseAddress, Int32(clamping: bytes.count))
        }
        guard written == ciphertext.readableBytes else {
            throw .connectionFailed(openSSLError: OpenSSLErrorQueue.drain().text)
        }
    }

    /// Takes the handshake as far as the received bytes allow.
    func handshake() -> HandshakeProgress {
        OpenSSLErrorQueue.clear()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            return .completed
        }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ:
            return .needsMoreData
        case SSL_ERROR_ZERO_RETURN:
            OpenSSLErrorQueue.clear()
            return .failed(.peerClosed)
        default:
            return .failed(handshakeError())
        }
    }

    /// Says which check failed, most specific first: the certificate, then the version.
    private func handshakeError() -> TLSError {
        let queue = OpenSSLErrorQueue.drain()
        let verifyResult = Int32(clamping: SSL_get_verify_result(ssl))
        if context.role == .client, verifyResult != X509_V_OK {
            switch verifyResult {
            case X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH:
                return .hostnameMismatch(expected: serverName ?? "")
            case X509_V_ERR_APPLICATION_VERIFICATION:
                // Set only by SPKIPinVerification.
                return .pinMismatch(
                    expected: context.pins, got: SPKIPinVerification.chainPins(SSL_get0_verified_chain(ssl))
                )
            default:
                return .certificateUntrusted(reason: String(cString: X509_verify_cert_error_string(Int(verifyResult))))
            }
        }
        if queue.reasons.contains(SSL_R_UNSUPPORTED_PROTOCOL) {
            return .protocolVersionTooOld
        }
        if queue.reasons.contains(SSL_R_TLSV1_ALERT_PROTOCOL_VERSION) {
            // With nothing newer than TLS 1.3 in our offer, the peer must want older.
            if let maximum = context.maximumVersion, maximum < .tls1_3 {
                return .protocolVersionRefused(ourMaximum: maximum)
            }
            return .protocolVersionTooOld
        }
        return .handshakeFailed(openSSLError: queue.text)
    }

    /// What the completed handshake settled; `nil` only if OpenSSL reports a version
    /// this type does not know, which a TLS context cannot negotiate.
    func sessionInfo() -> TLSSessionInfo? {
        guard let version = TLSProtocolVersion(openSSLValue: SSL_version(ssl)) else { return nil }
        let cipherName = SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)).map { String(cString: $0) } ?? "unknown"
        var alpnBytes: UnsafePointer<UInt8>?
        var alpnLength: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &alpnBytes, &alpnLength)
        let applicationProtocol = alpnBytes.flatMap { bytes in
            alpnLength > 0 ? String(decoding: UnsafeBufferPointer(start: bytes, count: Int(alpnLength)), as: UTF8.self) : nil
        }
        return TLSSessionInfo(
            protocolVersion: version,
            cipherSuite: cipherName,
            applicationProtocol: applicationProtocol,
            channelBindings: channelBindings(version: version)
        )
    }

    private func channelBindings(version: TLSProtocolVersion) -> [ChannelBinding] {
        // On TLS 1.2 both connection-specific bindings are safe only with the extended
        // master secret (RFC 7627 §5.4, RFC 9266 §3); TLS 1.3 always has its equivalent.
        let extendedMasterSecret = version >= .tls1_3 || copenssl_SSL_get_extms_support(ssl) == 1
        var bindings: [ChannelBinding] = []
        if extendedMasterSecret, let exporter = exporterBinding() {
            bindings.append(ChannelBinding(type: .tlsExporter, data: exporter))
        }
        if extendedMasterSecret, version <= .tls1_2, let unique = uniqueBinding() {
            bindings.append(ChannelBinding(type: .tlsUnique, data: unique))
        }
        if let endPoint = serverCertificate()?.endPointHash() {
            bindings.append(ChannelBinding(type: .tlsServerEndPoint, data: endPoint))
        }
        return bindings
    }

    /// RFC 9266: 32 bytes exported with the label `EXPORTER-Channel-Binding` and no context.
    private func exporterBinding() -> [UInt8]? {
        let label = "EXPORTER-Channel-Binding"
        var output = [UInt8](repeating: 0, count: 32)
        OpenSSLErrorQueue.clear()
        guard SSL_export_keying_material(ssl, &output, output.count, label, label.utf8.count, nil, 0, 0) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return output
    }

    /// RFC 5929 §3: the first Finished message of the handshake, which is the client's in
    /// a full handshake and the server's in a resumed one. Both ends pick the same one.
    private func uniqueBinding() -> [UInt8]? {
        let clientFinishedFirst = SSL_session_reused(ssl) == 0
        let ownFinishedFirst = (context.role == .client) == clientFinishedFirst
        var finished = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        let length = ownFinishedFirst
            ? SSL_get_finished(ssl, &finished, finished.count)
            : SSL_get_peer_finished(ssl, &finished, finished.count)
        guard length > 0, length <= finished.count else { return nil }
        return Array(finished.prefix(length))
    }

    /// The server's certificate: the peer's for a client, our own for a server.
    private func serverCertificate() -> X509Certificate? {
        let certificate = context.role == .client ? SSL_get0_peer_certificate(ssl) : SSL_get_certificate(ssl)
        return certificate.map(X509Certificate.init(pointer:))
    }

    /// Decrypts every complete record received so far, appending the plaintext.
    func read(into plaintext: inout ByteBuffer) -> ReadOutcome {
        defer {
            // SSL_MODE_RELEASE_BUFFERS frees the 16 KiB record buffer only after an
            // application-data record; after a handshake record (TLS 1.3 session tickets
            // arrive right after the handshake) it stays, measured at 16 KiB a connection.
            // This frees it unless a partial record is still in it, then it fails harmlessly.
            _ = SSL_free_buffers(ssl)
            replaceGrownBIOs()
        }
        while true {
            OpenSSLErrorQueue.clear()
            let result = withUnsafeTemporaryAllocation(byteCount: Self.maximumRecordPlaintext, alignment: 1) { scratch in
                // A scratch area on the stack, copied out at its used length, so no
                // record-sized buffer outlives the read.
                var count = 0
                let result = SSL_read_ex(ssl, scratch.baseAddress, scratch.count, &count)
                if result == 1 {
                    plaintext.writeBytes(UnsafeRawBufferPointer(rebasing: scratch[..<count]))
                }
                return result
            }
            if result == 1 {
                continue
            }
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ:
                return .needsMoreData
            case SSL_ERROR_ZERO_RETURN:
                return .closeNotifyReceived
            default:
                return .failed(.connectionFailed(openSSLError: OpenSSLErrorQueue.drain().text))
            }
        }
    }

    /// Encrypts application data into the write BIO; `takeCiphertext` collects it.
    func write(_ plaintext: ByteBuffer) throws(TLSError) {
        guard plaintext.readableBytes > 0 else { return }
        OpenSSLErrorQueue.clear()
        var written = 0
        // A memory BIO grows as needed, so the whole buffer is always taken at once.
        let result = plaintext.withUnsafeReadableBytes { bytes in
            SSL_write_ex(ssl, bytes.baseAddress, bytes.count, &written)
        }
        guard result == 1, written == plaintext.readableBytes else {
            throw .connectionFailed(openSSLError: OpenSSLErrorQueue.drain().text)
        }
    }

    /// Queues close_notify: we will send nothing more. Only after a completed handshake;
    /// earlier there is no session to close.
    func shutdown() {
        guard SSL_is_init_finished(ssl) == 1 else { return }
        OpenSSLErrorQueue.clear()
        // 0 means sent, not yet received: we do not wait for the peer's (RFC 8446 §6.1).
        _ = SSL_shutdown(ssl)
        OpenSSLErrorQueue.clear()
    }

    /// Everything OpenSSL has written for the peer since the last call, or `nil`.
    func takeCiphertext(allocator: ByteBufferAllocator) -> ByteBuffer? {
        guard let writeBIO = SSL_get_wbio(ssl) else { return nil }
        let pending = BIO_ctrl_pending(writeBIO)
        guard pending > 0 else { return nil }
        var ciphertext = allocator.buffer(capacity: pending)
        ciphertext.writeWithUnsafeMutableBytes(minimumWritableBytes: pending) { buffer in
            max(0, Int(BIO_read(writeBIO, buffer.baseAddress, Int32(clamping: pending))))
        }
        replaceGrownBIOs()
        return ciphertext
    }

    private func replaceGrownBIOs() {
        if let readBIO = SSL_get_rbio(ssl), Self.isEmptyButGrown(readBIO), let fresh = BIO_new(BIO_s_mem()) {
            SSL_set0_rbio(ssl, fresh)
        }
        if let writeBIO = SSL_get_wbio(ssl), Self.isEmptyButGrown(writeBIO), let fresh = BIO_new(BIO_s_mem()) {
            SSL_set0_wbio(ssl, fresh)
        }
    }

    private static func isEmptyButGrown(_ bio: OpaquePointer) -> Bool {
        BIO_ctrl_pending(bio) == 0 && copenssl_BIO_mem_capacity(bio) > retainedBIOCapacity
    }
}
