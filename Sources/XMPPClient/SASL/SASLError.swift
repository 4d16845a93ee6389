/// Why a SASL exchange failed on the client side. Each case names what was wrong, so the
/// log line tells an operator whether to fix the password, the server, or suspect an attack.
public enum SASLError: Error, Sendable, Hashable, CustomStringConvertible {
    // Local inputs.
    case usernamePreparationFailed(SASLPrepError)
    case passwordPreparationFailed(SASLPrepError)
    /// PLAIN separates its fields with NUL, so a NUL inside one cannot be sent.
    case credentialContainsNUL
    /// A `-PLUS` exchange was asked to bind with no binding data — a TLS-layer bug that
    /// would otherwise surface as a puzzling "channel bindings don't match".
    case emptyChannelBindingData(ChannelBindingType)
    case crypto(CryptoError)

    // Order of events.
    /// The server sent a challenge where the mechanism expects none.
    case unexpectedChallenge
    /// The server reported success before proving, with `v=`, that it knows the password.
    /// A server that cannot prove that may be an impostor, so the login is not trusted.
    case successWithoutServerSignature
    /// A call after the exchange finished, or the initial response asked for twice.
    case exchangeNotInProgress

    // Server messages.
    case serverMessageNotUTF8
    /// A message that is not a comma-separated list of `a=value` attributes.
    case malformedServerMessage(String)
    /// Server-first lacks one of `r=`, `s=`, `i=`.
    case missingAttribute(Character)
    /// Server-first starts with `m=`: a mandatory extension this client does not know.
    case mandatoryExtensionNotSupported(String)
    /// The nonce contains characters RFC 5802 does not allow (printable ASCII except `,`).
    case invalidServerNonce(String)
    /// The combined nonce must start with ours and add the server's part; anything else
    /// is a replay or a confused server.
    case serverNonceDoesNotExtendClientNonce(clientNonce: String, serverNonce: String)
    case invalidSalt(String)
    /// `i=` is not a positive decimal number.
    case invalidIterationCount(String)
    /// `i=` outside the accepted range: too low makes a captured proof cheap to brute
    /// force, too high stalls the gateway in PBKDF2.
    case iterationCountOutOfRange(Int, accepted: ClosedRange<Int>)
    /// Server-final carried `e=`: the server refused the login and said why.
    case serverError(String)
    case invalidServerSignature(String)
    /// `v=` does not match: the server does not know the password (or the channel differs).
    case serverSignatureMismatch

    public var description: String {
        switch self {
        case .usernamePreparationFailed(let error):
            "user name cannot be prepared: it \(error)"
        case .passwordPreparationFailed(let error):
            "password cannot be prepared: it \(error)"
        case .credentialContainsNUL:
            "user name or password contains a NUL character, which PLAIN cannot carry"
        case .emptyChannelBindingData(let type):
            "channel binding \(type) requested with no binding data from the TLS layer"
        case .crypto(let error):
            "cryptography failed: \(error)"
        case .unexpectedChallenge:
            "server sent a SASL challenge the mechanism does not expect"
        case .successWithoutServerSignature:
            "server reported SASL success without proving it knows the password (no v=); not trusted"
        case .exchangeNotInProgress:
            "SASL exchange is not in progress (finished, failed, or already started)"
        case .serverMessageNotUTF8:
            "server's SCRAM message is not UTF-8"
        case .malformedServerMessage(let reason):
            "server's SCRAM message is malformed: \(reason)"
        case .missingAttribute(let name):
            "server-first message lacks the \(name)= attribute"
        case .mandatoryExtensionNotSupported(let value):
            "server requires an unknown SCRAM extension (m=\(value))"
        case .invalidServerNonce(let nonce):
            "server nonce \"\(nonce)\" contains characters outside printable ASCII or a comma"
        case .serverNonceDoesNotExtendClientNonce(let clientNonce, let serverNonce):
            "server nonce \"\(serverNonce)\" does not extend the client nonce \"\(clientNonce)\""
        case .invalidSalt(let salt):
            "salt \"\(salt)\" is not non-empty Base64"
        case .invalidIterationCount(let text):
            "iteration count \"\(text)\" is not a positive decimal number"
        case .iterationCountOutOfRange(let count, let accepted):
            "iteration count \(count) is outside the accepted \(accepted.lowerBound)...\(accepted.upperBound)"
        case .serverError(let value):
            "server refused the SCRAM login: e=\(value)"
        case .invalidServerSignature(let text):
            "server signature v=\(text) is not Base64"
        case .serverSignatureMismatch:
            "server signature does not verify: the server does not know the password, or the channel binding differs"
        }
    }
}
