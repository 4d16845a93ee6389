import COpenSSL

/// Pin checking inside OpenSSL's certificate verification, so a chain that carries no
/// pinned key fails the handshake like an untrusted one: before the client sends
/// anything of its own, with an alert to the server, in TLS 1.2 and 1.3 alike.
enum SPKIPinVerification {
    /// The index of `SSL_CTX` ex_data that OpenSSL reserves for the application
    /// (`SSL_CTX_set_app_data`); it holds the `TLSContext`.
    static let contextIndex: Int32 = 0

    /// OpenSSL's verify callback. It runs once per certificate and check; the pins are
    /// checked when the leaf (depth 0) has passed every other check.
    static let callback: @convention(c) (Int32, OpaquePointer?) -> Int32 = { preverified, store in
        guard preverified == 1, let store, X509_STORE_CTX_get_error_depth(store) == 0 else {
            return preverified
        }
        guard let ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()),
              let contextPointer = SSL_CTX_get_ex_data(SSL_get_SSL_CTX(OpaquePointer(ssl)), contextIndex)
        else {
            X509_STORE_CTX_set_error(store, X509_V_ERR_APPLICATION_VERIFICATION)
            return 0
        }
        // Each connection holds its TLSContext, so the context outlives this call.
        let pins = Unmanaged<TLSContext>.fromOpaque(contextPointer).takeUnretainedValue().pins
        guard pins.isEmpty || chainPins(X509_STORE_CTX_get0_chain(store)).contains(where: pins.contains) else {
            X509_STORE_CTX_set_error(store, X509_V_ERR_APPLICATION_VERIFICATION)
            return 0
        }
        return 1
    }

    /// The pins of every certificate in an OpenSSL `STACK_OF(X509)`, in its order.
    static func chainPins(_ chain: OpaquePointer?) -> [SPKIPin] {
        guard let chain else { return [] }
        return (0 ..< max(0, OPENSSL_sk_num(chain))).compactMap { index in
            OPENSSL_sk_value(chain, index).flatMap { X509Certificate(pointer: OpaquePointer($0)).spkiPin() }
        }
    }
}
