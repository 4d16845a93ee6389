/// A PBKDF2 run that a SCRAM login needs before it can answer the server: 4096 HMAC
/// iterations at the least, 100 000 and more on some servers: milliseconds to seconds,
/// far too long for the event loop that serves every session. The session runs it on a thread pool,
/// which also fills the key cache, and hands the keys back to the login.
///
/// Its description leaves out the prepared password it carries.
public struct SCRAMKeyDerivation: Sendable, Equatable, CustomStringConvertible {
    let cache: SCRAMKeyCache
    let hash: HashFunction
    let password: [UInt8]
    let salt: [UInt8]
    let iterations: Int

    /// Derives the keys (remembering them in the cache) for `keysDerived`. Blocking: never
    /// call it on an event loop.
    public func run() throws(CryptoError) -> SCRAMKeys {
        try cache.keys(hash: hash, password: password, salt: salt, iterations: iterations)
    }

    public var description: String {
        "SCRAMKeyDerivation(\(hash), \(iterations) iterations)"
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.cache === rhs.cache && lhs.hash == rhs.hash && lhs.password == rhs.password
            && lhs.salt == rhs.salt && lhs.iterations == rhs.iterations
    }
}
