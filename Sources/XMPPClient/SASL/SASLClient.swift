/// One SASL login by the mechanism `SASLMechanismChoice.select` picked: the single entry
/// point for the session layer, which wraps what this returns in `<auth/>` and
/// `<response/>` and feeds it the payloads of `<challenge/>` and `<success/>`.
/// On `<failure/>` the session simply abandons it.
public struct SASLClient: Sendable {
    private enum Exchange: Sendable {
        case scram(SCRAMClient)
        case plain(PLAINClient)
    }

    private var exchange: Exchange

    /// - Parameters:
    ///   - keyCache: shared by the sessions of one account so PBKDF2 runs once; SCRAM only.
    ///   - acceptedIterations: the SCRAM iteration counts the server may ask for.
    public init(
        choice: SASLMechanismChoice,
        username: String,
        password: String,
        keyCache: SCRAMKeyCache? = nil,
        acceptedIterations: ClosedRange<Int> = SCRAMClient.defaultAcceptedIterations
    ) throws(SASLError) {
        switch choice {
        case .scram(let hash, let channelBinding):
            exchange = .scram(try SCRAMClient(
                hash: hash, username: username, password: password, channelBinding: channelBinding,
                keyCache: keyCache, acceptedIterations: acceptedIterations
            ))
        case .plain:
            exchange = .plain(try PLAINClient(username: username, password: password))
        }
    }

    /// The mechanism name for `<auth mechanism='…'>`.
    public var mechanism: SASLMechanism {
        switch exchange {
        case .scram(let client): client.mechanism
        case .plain(let client): client.mechanism
        }
    }

    /// Whether the login succeeded and, for SCRAM, the server proved itself.
    public var isAuthenticated: Bool {
        switch exchange {
        case .scram(let client): client.isAuthenticated
        case .plain(let client): client.isAuthenticated
        }
    }

    /// The payload of `<auth/>`.
    public mutating func initialResponse() throws(SASLError) -> [UInt8] {
        switch exchange {
        case .scram(var client):
            defer { exchange = .scram(client) }
            return try client.initialResponse()
        case .plain(var client):
            defer { exchange = .plain(client) }
            return try client.initialResponse()
        }
    }

    /// The payload of the `<response/>` to a `<challenge/>` with this payload;
    /// `derivedKeys` as ``SCRAMClient/receiveChallenge(_:derivedKeys:)`` takes them.
    public mutating func receiveChallenge(_ message: [UInt8], derivedKeys: SCRAMKeys? = nil) throws(SASLError) -> [UInt8] {
        switch exchange {
        case .scram(var client):
            defer { exchange = .scram(client) }
            return try client.receiveChallenge(message, derivedKeys: derivedKeys)
        case .plain(var client):
            defer { exchange = .plain(client) }
            return try client.receiveChallenge(message)
        }
    }

    /// The PBKDF2 run to do off the event loop before `receiveChallenge(message)`, if any;
    /// see ``SCRAMClient/keyDerivation(forChallenge:)``.
    public func keyDerivation(forChallenge message: [UInt8]) -> SCRAMKeyDerivation? {
        if case .scram(let client) = exchange { client.keyDerivation(forChallenge: message) } else { nil }
    }

    /// Takes the payload of `<success/>`; returns only if the login can be trusted.
    public mutating func receiveSuccess(_ additionalData: [UInt8]) throws(SASLError) {
        switch exchange {
        case .scram(var client):
            defer { exchange = .scram(client) }
            try client.receiveSuccess(additionalData)
        case .plain(var client):
            defer { exchange = .plain(client) }
            try client.receiveSuccess(additionalData)
        }
    }
}
