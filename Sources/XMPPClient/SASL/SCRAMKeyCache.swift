import Synchronization

/// Remembers the keys SCRAM derived from a password, so a reconnect — or the login of
/// another device session of the same account — skips PBKDF2, which takes a noticeable
/// fraction of a second per login on a Raspberry Pi.
///
/// A class, not a value: one gateway account has a session per device, and they should
/// share one cache, from whatever thread their connection runs on. So it is `Sendable`,
/// guarded by a mutex. The lock is held while PBKDF2 runs, so sessions starting together
/// wait for one derivation instead of each running their own.
///
/// Entries are keyed by hash, salt and iteration count — and by the prepared password,
/// so a password changed in the configuration can never be answered with keys of the old
/// one. The cache is small and forgets its oldest entry when full; the salt of an account
/// changes only when its password does.
public final class SCRAMKeyCache: Sendable {
    private struct Entry: Hashable {
        var hash: HashFunction
        var password: [UInt8]
        var salt: [UInt8]
        var iterations: Int
    }

    private struct Storage {
        var keys: [Entry: SCRAMKeys] = [:]
        var oldestFirst: [Entry] = []
        var derivationCount = 0
    }

    /// How many entries are kept.
    public let capacity: Int
    private let storage = Mutex(Storage())
    /// Called on the thread that runs each derivation, before it starts: tests check that
    /// PBKDF2 stays off the event loop.
    private let derivationObserver: (@Sendable () -> Void)?

    public convenience init(capacity: Int = 8) {
        self.init(capacity: capacity, derivationObserver: nil)
    }

    init(capacity: Int = 8, derivationObserver: (@Sendable () -> Void)?) {
        self.capacity = max(1, capacity)
        self.derivationObserver = derivationObserver
    }

    /// How many times PBKDF2 ran through this cache: once per entry it had to derive.
    public var derivationCount: Int {
        storage.withLock { $0.derivationCount }
    }

    /// The keys for these inputs if cached. Never waits: while another derivation holds
    /// the lock it answers nil, so an event loop asking is never stalled behind PBKDF2.
    func cachedKeys(hash: HashFunction, password: [UInt8], salt: [UInt8], iterations: Int) -> SCRAMKeys? {
        let entry = Entry(hash: hash, password: password, salt: salt, iterations: iterations)
        return storage.withLockIfAvailable { $0.keys[entry] } ?? nil
    }

    /// The keys for these inputs, from the cache or freshly derived (and then remembered).
    func keys(hash: HashFunction, password: [UInt8], salt: [UInt8], iterations: Int) throws(CryptoError) -> SCRAMKeys {
        let entry = Entry(hash: hash, password: password, salt: salt, iterations: iterations)
        let capacity = capacity
        return try storage.withLock { storage throws(CryptoError) -> SCRAMKeys in
            if let keys = storage.keys[entry] {
                return keys
            }
            storage.derivationCount += 1
            derivationObserver?()
            let keys = try SCRAMKeys(hash: hash, password: password, salt: salt, iterations: iterations)
            if storage.oldestFirst.count >= capacity {
                storage.keys[storage.oldestFirst.removeFirst()] = nil
            }
            storage.keys[entry] = keys
            storage.oldestFirst.append(entry)
            return keys
        }
    }
}
