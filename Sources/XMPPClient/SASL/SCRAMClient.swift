/// The client side of one SCRAM login (RFC 5802; RFC 7677 for SHA-256, the same
/// construction over SHA-512): SCRAM-SHA-1, -SHA-256 and -SHA-512, each with or without
/// channel binding (`-PLUS`).
///
/// A pure state machine: it sends and receives no bytes itself. The session layer feeds
/// it the decoded payloads of the server's `<challenge/>` and `<success/>` and sends what
/// it returns. Any error ends the exchange; every later call fails.
///
/// ```
/// initial ──initialResponse()──▶ awaitingServerFirst ──challenge──▶ awaitingServerFinal
///   awaitingServerFinal ──success(v=)──────────────────────────────▶ authenticated
///   awaitingServerFinal ──challenge(v=)──▶ awaitingSuccess ──success──▶ authenticated
/// ```
/// The second path serves servers that send server-final as a challenge and expect an
/// empty response before `<success/>`.
///
/// Descriptions and mirrors show the mechanism and the step only: the state holds the
/// prepared password, which must not reach a log line through `"\(client)"` or `dump`.
public struct SCRAMClient: Sendable, CustomStringConvertible, CustomReflectable {
    private enum State: Sendable {
        /// The prepared password is held only until the keys are derived.
        case initial(password: [UInt8])
        case awaitingServerFirst(password: [UInt8])
        case awaitingServerFinal(expectedServerSignature: [UInt8])
        /// Server-final came as a challenge and verified; waiting for `<success/>`.
        case awaitingSuccess(expectedServerSignature: [UInt8])
        case authenticated
        case failed
    }

    /// Iteration counts accepted unless the caller says otherwise. At least 4096, the
    /// minimum RFC 7677 asks servers for: without channel binding, a server impostor that
    /// picks a tiny count could brute-force the password from our proof cheaply. At most
    /// a million, so a hostile server cannot stall the gateway in PBKDF2.
    public static let defaultAcceptedIterations: ClosedRange<Int> = 4096 ... 1_000_000

    public let hash: HashFunction
    public let channelBinding: GS2ChannelBindingFlag
    private let clientNonce: String
    private let clientFirstMessageBare: String
    private let acceptedIterations: ClosedRange<Int>
    private let keyCache: SCRAMKeyCache?
    private var state: State

    /// - Parameters:
    ///   - username: the account's user name — for XMPP, the JID's localpart.
    ///   - channelBinding: what `SASLMechanismChoice.select` decided; `.bound` makes this
    ///     the `-PLUS` mechanism.
    ///   - keyCache: where derived keys are remembered across logins; `nil` derives anew.
    ///   - acceptedIterations: the iteration counts the server may ask for.
    public init(
        hash: HashFunction,
        username: String,
        password: String,
        channelBinding: GS2ChannelBindingFlag,
        keyCache: SCRAMKeyCache? = nil,
        acceptedIterations: ClosedRange<Int> = SCRAMClient.defaultAcceptedIterations
    ) throws(SASLError) {
        // 24 random bytes: 192 bits of nonce, and Base64 of them never contains a comma.
        let nonceBytes: [UInt8]
        do {
            nonceBytes = try SecureRandom.bytes(count: 24)
        } catch {
            throw .crypto(error)
        }
        try self.init(
            hash: hash, username: username, password: password, channelBinding: channelBinding,
            keyCache: keyCache, acceptedIterations: acceptedIterations, clientNonce: Base64.encode(nonceBytes)
        )
    }

    /// With a fixed client nonce, for the published test vectors. The nonce must be
    /// printable ASCII without commas; only tests pass one.
    init(
        hash: HashFunction,
        username: String,
        password: String,
        channelBinding: GS2ChannelBindingFlag,
        keyCache: SCRAMKeyCache?,
        acceptedIterations: ClosedRange<Int>,
        clientNonce: String
    ) throws(SASLError) {
        let preparedUsername: String
        let preparedPassword: String
        do {
            preparedUsername = try SASLPrep.prepare(username)
        } catch {
            throw .usernamePreparationFailed(error)
        }
        do {
            preparedPassword = try SASLPrep.prepare(password)
        } catch {
            throw .passwordPreparationFailed(error)
        }
        if case .bound(let binding) = channelBinding, binding.data.isEmpty {
            throw .emptyChannelBindingData(binding.type)
        }
        self.hash = hash
        self.channelBinding = channelBinding
        self.clientNonce = clientNonce
        self.clientFirstMessageBare = "n=\(Self.escapedUsername(preparedUsername)),r=\(clientNonce)"
        self.acceptedIterations = acceptedIterations
        self.keyCache = keyCache
        self.state = .initial(password: Array(preparedPassword.utf8))
    }

    /// The mechanism name for `<auth mechanism='…'>`.
    public var mechanism: SASLMechanism {
        if case .bound = channelBinding {
            SASLMechanism(scram: hash, channelBinding: true)
        } else {
            SASLMechanism(scram: hash, channelBinding: false)
        }
    }

    /// Whether the server has proved it knows the password and reported success.
    public var isAuthenticated: Bool {
        if case .authenticated = state { true } else { false }
    }

    public var description: String {
        "SCRAMClient(\(mechanism), \(step))"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["mechanism": mechanism, "step": step], displayStyle: .struct)
    }

    private var step: String {
        switch state {
        case .initial: "initial"
        case .awaitingServerFirst: "awaiting server-first"
        case .awaitingServerFinal: "awaiting server-final"
        case .awaitingSuccess: "awaiting success"
        case .authenticated: "authenticated"
        case .failed: "failed"
        }
    }

    /// Client-first, the payload of `<auth/>`: GS2 header, user name, client nonce.
    public mutating func initialResponse() throws(SASLError) -> [UInt8] {
        guard case .initial(let password) = state else {
            state = .failed
            throw .exchangeNotInProgress
        }
        state = .awaitingServerFirst(password: password)
        return Array((channelBinding.gs2Header + clientFirstMessageBare).utf8)
    }

    /// Takes a challenge's payload and returns the response's: client-final for
    /// server-first, and an empty response for a server-final sent as a challenge.
    /// `derivedKeys`: the result of this challenge's ``keyDerivation(forChallenge:)``.
    public mutating func receiveChallenge(_ message: [UInt8], derivedKeys: SCRAMKeys? = nil) throws(SASLError) -> [UInt8] {
        do throws(SASLError) {
            switch state {
            case .awaitingServerFirst(let password):
                let (clientFinal, serverSignature) = try respondToServerFirst(message, password: password, derivedKeys: derivedKeys)
                state = .awaitingServerFinal(expectedServerSignature: serverSignature)
                return clientFinal
            case .awaitingServerFinal(let expectedServerSignature):
                try verifyServerFinal(message, expectedServerSignature: expectedServerSignature)
                state = .awaitingSuccess(expectedServerSignature: expectedServerSignature)
                return []
            case .awaitingSuccess:
                throw .unexpectedChallenge
            case .initial, .authenticated, .failed:
                throw .exchangeNotInProgress
            }
        } catch {
            state = .failed
            throw error
        }
    }

    /// The PBKDF2 run that answering this challenge would do, when the key cache does not
    /// hold its result: the caller runs it off the event loop, then calls
    /// `receiveChallenge` with the same payload and the derived keys. nil when no derivation
    /// is needed — no cache, keys cached, not awaiting server-first, or a server-first that
    /// `receiveChallenge` will reject anyway.
    public func keyDerivation(forChallenge message: [UInt8]) -> SCRAMKeyDerivation? {
        guard case .awaitingServerFirst(let password) = state, let keyCache,
              let serverFirst = try? SCRAMServerFirstMessage(parsing: message),
              serverFirst.nonce.utf8.starts(with: clientNonce.utf8),
              acceptedIterations.contains(serverFirst.iterations),
              keyCache.cachedKeys(hash: hash, password: password, salt: serverFirst.salt, iterations: serverFirst.iterations) == nil
        else { return nil }
        return SCRAMKeyDerivation(cache: keyCache, hash: hash, password: password, salt: serverFirst.salt,
                                  iterations: serverFirst.iterations)
    }

    /// Takes the payload of `<success/>` (empty when it has none). The login is trusted
    /// only if the server's signature verified, here or in a preceding challenge.
    public mutating func receiveSuccess(_ additionalData: [UInt8]) throws(SASLError) {
        do throws(SASLError) {
            switch state {
            case .awaitingServerFinal(let expectedServerSignature):
                guard !additionalData.isEmpty else { throw .successWithoutServerSignature }
                try verifyServerFinal(additionalData, expectedServerSignature: expectedServerSignature)
            case .awaitingSuccess(let expectedServerSignature):
                // Already verified; a server repeating server-final must repeat it correctly.
                if !additionalData.isEmpty {
                    try verifyServerFinal(additionalData, expectedServerSignature: expectedServerSignature)
                }
            case .awaitingServerFirst:
                throw .successWithoutServerSignature
            case .initial, .authenticated, .failed:
                throw .exchangeNotInProgress
            }
            state = .authenticated
        } catch {
            state = .failed
            throw error
        }
    }

    /// Checks server-first and computes client-final and the signature the server must send.
    private func respondToServerFirst(_ message: [UInt8], password: [UInt8], derivedKeys: SCRAMKeys?) throws(SASLError) -> (clientFinal: [UInt8], serverSignature: [UInt8]) {
        let serverFirst = try SCRAMServerFirstMessage(parsing: message)
        guard serverFirst.nonce.utf8.count > clientNonce.utf8.count,
              serverFirst.nonce.utf8.starts(with: clientNonce.utf8)
        else {
            throw .serverNonceDoesNotExtendClientNonce(clientNonce: clientNonce, serverNonce: serverFirst.nonce)
        }
        guard acceptedIterations.contains(serverFirst.iterations) else {
            throw .iterationCountOutOfRange(serverFirst.iterations, accepted: acceptedIterations)
        }

        let clientFinalWithoutProof = "c=\(Base64.encode(channelBinding.channelBindingInput)),r=\(serverFirst.nonce)"
        let authMessage = Array("\(clientFirstMessageBare),\(serverFirst.text),\(clientFinalWithoutProof)".utf8)
        do throws(CryptoError) {
            let keys = if let derivedKeys {
                derivedKeys
            } else if let keyCache {
                try keyCache.keys(hash: hash, password: password, salt: serverFirst.salt, iterations: serverFirst.iterations)
            } else {
                try SCRAMKeys(hash: hash, password: password, salt: serverFirst.salt, iterations: serverFirst.iterations)
            }
            let storedKey = try hash.digest(keys.clientKey)
            let clientSignature = try hash.hmac(key: storedKey, message: authMessage)
            let proof = zip(keys.clientKey, clientSignature).map { $0 ^ $1 }
            let serverSignature = try hash.hmac(key: keys.serverKey, message: authMessage)
            let clientFinal = "\(clientFinalWithoutProof),p=\(Base64.encode(proof))"
            return (Array(clientFinal.utf8), serverSignature)
        } catch {
            throw .crypto(error)
        }
    }

    private func verifyServerFinal(_ message: [UInt8], expectedServerSignature: [UInt8]) throws(SASLError) {
        switch try SCRAMServerFinalMessage(parsing: message) {
        case .error(let value):
            throw .serverError(value)
        case .verifier(let signature):
            guard ConstantTime.isEqual(signature, expectedServerSignature) else {
                throw .serverSignatureMismatch
            }
        }
    }

    /// RFC 5802 §5.1: `,` and `=` cannot appear in an attribute value, so they are sent
    /// as `=2C` and `=3D`.
    private static func escapedUsername(_ username: String) -> String {
        var escaped = ""
        for character in username.unicodeScalars {
            switch character {
            case ",": escaped += "=2C"
            case "=": escaped += "=3D"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }
}
