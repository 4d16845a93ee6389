/// The keys SCRAM derives from a password for one hash, salt and iteration count
/// (RFC 5802 §3): all a client needs to prove itself and to check the server.
///
/// SaltedPassword itself is not kept: it is only the step between the password and these
/// two, and every secret held in memory longer than needed is one more to leak. Public as
/// an opaque value only: what a ``SCRAMKeyDerivation`` hands back to the login.
public struct SCRAMKeys: Sendable, Hashable {
    /// `HMAC(SaltedPassword, "Client Key")`.
    var clientKey: [UInt8]
    /// `HMAC(SaltedPassword, "Server Key")`.
    var serverKey: [UInt8]

    /// Runs PBKDF2 — the expensive step, which is why these are cached.
    init(hash: HashFunction, password: [UInt8], salt: [UInt8], iterations: Int) throws(CryptoError) {
        let saltedPassword = try hash.pbkdf2(password: password, salt: salt, iterations: iterations)
        clientKey = try hash.hmac(key: saltedPassword, message: Array("Client Key".utf8))
        serverKey = try hash.hmac(key: saltedPassword, message: Array("Server Key".utf8))
    }
}
