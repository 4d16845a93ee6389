/// The client side of a PLAIN login (RFC 4616): the user name and password in one
/// message, so it is only ever used inside TLS (see `SASLMechanismChoice`).
///
/// No authorization identity is sent: the gateway logs in as itself. The fields go as
/// given, without SASLprep — RFC 4616 leaves preparing them to the server, which compares
/// against its stored credentials.
///
/// Descriptions and mirrors show the step only: the state holds the password.
public struct PLAINClient: Sendable, CustomStringConvertible, CustomReflectable {
    private enum State: Sendable {
        case initial(message: [UInt8])
        case awaitingOutcome
        case authenticated
        case failed
    }

    private var state: State

    public init(username: String, password: String) throws(SASLError) {
        guard !username.utf8.contains(0), !password.utf8.contains(0) else {
            throw .credentialContainsNUL
        }
        // message = [authzid] NUL authcid NUL passwd, with authzid empty.
        state = .initial(message: [0] + Array(username.utf8) + [0] + Array(password.utf8))
    }

    public var mechanism: SASLMechanism { .plain }

    /// Whether the server reported success.
    public var isAuthenticated: Bool {
        if case .authenticated = state { true } else { false }
    }

    public var description: String {
        "PLAINClient(\(step))"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["step": step], displayStyle: .struct)
    }

    private var step: String {
        switch state {
        case .initial: "initial"
        case .awaitingOutcome: "awaiting outcome"
        case .authenticated: "authenticated"
        case .failed: "failed"
        }
    }

    /// The payload of `<auth/>`: the whole PLAIN message.
    public mutating func initialResponse() throws(SASLError) -> [UInt8] {
        guard case .initial(let message) = state else {
            state = .failed
            throw .exchangeNotInProgress
        }
        state = .awaitingOutcome
        return message
    }

    /// PLAIN has no challenges: the credentials went with `<auth/>`, so any challenge
    /// ends the exchange.
    public mutating func receiveChallenge(_ message: [UInt8]) throws(SASLError) -> [UInt8] {
        let error: SASLError = if case .awaitingOutcome = state { .unexpectedChallenge } else { .exchangeNotInProgress }
        state = .failed
        throw error
    }

    /// Takes `<success/>`. PLAIN defines no additional data with success, so any is
    /// ignored: it cannot change what the server already decided.
    public mutating func receiveSuccess(_ additionalData: [UInt8]) throws(SASLError) {
        guard case .awaitingOutcome = state else {
            state = .failed
            throw .exchangeNotInProgress
        }
        state = .authenticated
    }
}
