import COpenSSL

/// A failure inside libcrypto, or an input libcrypto cannot take.
///
/// These do not happen with a working OpenSSL and sane inputs; when they do, the
/// message carries OpenSSL's own error text so the cause can be found.
public enum CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    case digestFailed(HashFunction, openSSL: String)
    case hmacFailed(HashFunction, openSSL: String)
    case keyDerivationFailed(HashFunction, openSSL: String)
    case randomGenerationFailed(openSSL: String)
    /// An input longer than the C API's `int` length parameter.
    case inputTooLong(bytes: Int)
    /// An iteration count OpenSSL's PBKDF2 cannot take (zero, negative, or beyond `Int32`).
    case iterationCountUnsupported(Int)

    public var description: String {
        switch self {
        case .digestFailed(let hash, let openSSL):
            "\(hash.scramName) digest failed in OpenSSL: \(openSSL)"
        case .hmacFailed(let hash, let openSSL):
            "HMAC-\(hash.scramName) failed in OpenSSL: \(openSSL)"
        case .keyDerivationFailed(let hash, let openSSL):
            "PBKDF2-HMAC-\(hash.scramName) failed in OpenSSL: \(openSSL)"
        case .randomGenerationFailed(let openSSL):
            "OpenSSL could not produce random bytes: \(openSSL)"
        case .inputTooLong(let bytes):
            "input of \(bytes) bytes is too long for OpenSSL"
        case .iterationCountUnsupported(let iterations):
            "PBKDF2 cannot run \(iterations) iterations"
        }
    }

    /// Empties this thread's OpenSSL error queue into one line, so a failure reports its
    /// own cause and leaves no stale entries for the next OpenSSL call to trip over.
    static func drainOpenSSLErrors() -> String {
        var messages: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            messages.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return messages.isEmpty ? "no error reported" : messages.joined(separator: "; ")
    }
}
