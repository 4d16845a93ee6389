import COpenSSL

/// A hash function SCRAM can be built on, with the primitives SCRAM needs from it:
/// a digest, HMAC and PBKDF2, all computed by OpenSSL's libcrypto.
public enum HashFunction: Sendable, Hashable, CaseIterable {
    case sha1
    case sha256
    case sha512

    /// The name the hash has inside a SCRAM mechanism name (`SCRAM-<name>`).
    public var scramName: String {
        switch self {
        case .sha1: "SHA-1"
        case .sha256: "SHA-256"
        case .sha512: "SHA-512"
        }
    }

    /// Output length in bytes.
    public var digestLength: Int {
        switch self {
        case .sha1: 20
        case .sha256: 32
        case .sha512: 64
        }
    }

    /// OpenSSL's descriptor of the algorithm: a pointer to a static table, never freed.
    private var messageDigest: OpaquePointer? {
        switch self {
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        case .sha512: EVP_sha512()
        }
    }

    /// `H(data)`.
    public func digest(_ data: [UInt8]) throws(CryptoError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: digestLength)
        var length: UInt32 = 0
        let status = EVP_Digest(data, data.count, &output, &length, messageDigest, nil)
        guard status == 1, Int(length) == digestLength else {
            throw .digestFailed(self, openSSL: CryptoError.drainOpenSSLErrors())
        }
        return output
    }

    /// `HMAC(key, message)`.
    public func hmac(key: [UInt8], message: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard let keyLength = Int32(exactly: key.count) else {
            throw .inputTooLong(bytes: key.count)
        }
        var output = [UInt8](repeating: 0, count: digestLength)
        var length: UInt32 = 0
        let result = HMAC(messageDigest, key, keyLength, message, message.count, &output, &length)
        guard result != nil, Int(length) == digestLength else {
            throw .hmacFailed(self, openSSL: CryptoError.drainOpenSSLErrors())
        }
        return output
    }

    /// PBKDF2 with HMAC over this hash (RFC 8018), one output block long — SCRAM's `Hi()`.
    public func pbkdf2(password: [UInt8], salt: [UInt8], iterations: Int) throws(CryptoError) -> [UInt8] {
        guard let passwordLength = Int32(exactly: password.count) else {
            throw .inputTooLong(bytes: password.count)
        }
        guard let saltLength = Int32(exactly: salt.count) else {
            throw .inputTooLong(bytes: salt.count)
        }
        guard iterations > 0, let iterationCount = Int32(exactly: iterations) else {
            throw .iterationCountUnsupported(iterations)
        }
        var output = [UInt8](repeating: 0, count: digestLength)
        let status = password.withUnsafeBytes { passwordBytes in
            PKCS5_PBKDF2_HMAC(
                passwordBytes.bindMemory(to: CChar.self).baseAddress, passwordLength,
                salt, saltLength,
                iterationCount, messageDigest,
                Int32(digestLength), &output
            )
        }
        guard status == 1 else {
            throw .keyDerivationFailed(self, openSSL: CryptoError.drainOpenSSLErrors())
        }
        return output
    }
}
