import COpenSSL

/// A certificate that OpenSSL owns, borrowed for the duration of one call: a view of an
/// `X509` that stays valid only as long as the connection or store holding it.
struct X509Certificate {
    let pointer: OpaquePointer

    /// The certificate as DER, the bytes tls-server-end-point hashes.
    func derEncoding() -> [UInt8]? {
        Self.encode { i2d_X509(pointer, $0) }
    }

    /// The HPKP pin of the certificate's key: SHA-256 of its DER SubjectPublicKeyInfo.
    func spkiPin() -> SPKIPin? {
        guard let publicKey = X509_get_X509_PUBKEY(pointer),
              let encoded = Self.encode({ i2d_X509_PUBKEY(publicKey, $0) }),
              let digest = Self.digest(encoded, with: EVP_sha256())
        else { return nil }
        return SPKIPin(sha256: digest)
    }

    /// The tls-server-end-point binding (RFC 5929 §4.1): the DER certificate hashed with
    /// the hash of its signature algorithm, where MD5 and SHA-1 become SHA-256.
    ///
    /// `nil` when the signature has no separate hash (Ed25519, Ed448): RFC 5929 leaves
    /// the binding undefined for those.
    func endPointHash() -> [UInt8]? {
        var digestID: Int32 = NID_undef
        var publicKeyID: Int32 = NID_undef
        var securityBits: Int32 = 0
        var flags: UInt32 = 0
        // Unlike OBJ_find_sigid_algs, this also reads the hash out of RSA-PSS parameters.
        guard X509_get_signature_info(pointer, &digestID, &publicKeyID, &securityBits, &flags) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        let messageDigest: OpaquePointer?
        switch digestID {
        case NID_undef:
            return nil
        case NID_md5, NID_sha1, NID_md5_sha1:
            messageDigest = EVP_sha256()
        default:
            messageDigest = EVP_get_digestbyname(OBJ_nid2sn(digestID))
        }
        guard let messageDigest, let encoded = derEncoding() else { return nil }
        return Self.digest(encoded, with: messageDigest)
    }

    /// Runs an OpenSSL `i2d_…` function twice: once for the length, once to fill a buffer.
    private static func encode(_ i2d: (UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>?) -> Int32) -> [UInt8]? {
        let length = i2d(nil)
        guard length > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
            // i2d advances the pointer it is given, so give it a copy.
            var cursor = buffer.baseAddress
            return i2d(&cursor)
        }
        return written == length ? bytes : nil
    }

    private static func digest(_ bytes: [UInt8], with messageDigest: OpaquePointer?) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard EVP_Digest(bytes, bytes.count, &output, &length, messageDigest, nil) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return Array(output.prefix(Int(length)))
    }
}
