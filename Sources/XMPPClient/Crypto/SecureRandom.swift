import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's CSPRNG (`RAND_bytes`).
public enum SecureRandom {
    public static func bytes(count: Int) throws(CryptoError) -> [UInt8] {
        guard let length = Int32(exactly: count) else {
            throw .inputTooLong(bytes: count)
        }
        var output = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&output, length) == 1 else {
            throw .randomGenerationFailed(openSSL: CryptoError.drainOpenSSLErrors())
        }
        return output
    }
}
