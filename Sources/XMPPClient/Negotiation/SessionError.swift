/// Why a session could not be established or ended, in words that say what to fix.
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server offers no STARTTLS and the configuration requires encryption.
    case tlsNotOffered
    /// The server answered `<starttls/>` with `<failure/>`.
    case startTLSRefused
    /// TLS itself failed: verification, hostname, pin, handshake.
    case tls(TLSError)
    case noAcceptableMechanism(SASLMechanismSelectionError)
    /// The SASL exchange broke a rule on our side or the server's (e.g. a wrong server
    /// signature: the server could not prove it knows the password).
    case sasl(SASLError)
    /// The server refused the login (`<failure/>`), with its condition and text.
    case authenticationFailed(condition: String, text: String?)
    case bindFailed(StanzaError)
    /// The server sent `<stream:error/>`.
    case streamError(condition: StreamErrorCondition, text: String?)
    /// The server's XML broke the stream rules; we send this stream error and close.
    case malformedStream(XMLStreamError)
    /// The server sent something that does not belong at this point of the negotiation.
    case unexpected(String)
    /// The DNS SRV records give nowhere to connect.
    case serverLookup(ServerLookupError)
    /// The connection closed.
    case connectionClosed(String)
    /// No answer in time (connection, negotiation or liveness check).
    case timedOut(String)

    /// Whether trying again cannot help without a change of configuration, so the
    /// session stops and says so instead of reconnecting.
    public var isPermanent: Bool {
        switch self {
        case .authenticationFailed(let condition, _):
            ["not-authorized", "account-disabled", "credentials-expired", "invalid-authzid"].contains(condition)
        case .noAcceptableMechanism, .tlsNotOffered: true
        case .streamError(let condition, _): condition == .hostUnknown || condition == .notAuthorized
        default: false
        }
    }

    public var description: String {
        switch self {
        case .tlsNotOffered: "the server does not offer STARTTLS; refusing to continue without encryption"
        case .startTLSRefused: "the server refused to start TLS"
        case .tls(let error): "TLS failed: \(error)"
        case .noAcceptableMechanism(let error): error.description
        case .sasl(let error): "authentication aborted: \(error)"
        case .authenticationFailed(let condition, let text):
            "the server refused the login: \(condition)" + (text.map { " (\($0))" } ?? "")
        case .bindFailed(let error): "resource binding failed: \(error)"
        case .streamError(let condition, let text):
            "the server closed the stream: \(condition.rawValue)" + (text.map { " (\($0))" } ?? "")
        case .malformedStream(let error): "the server's stream is malformed: \(error)"
        case .unexpected(let what): "unexpected from the server: \(what)"
        case .serverLookup(let error): "server lookup failed: \(error)"
        case .connectionClosed(let why): "connection closed: \(why)"
        case .timedOut(let what): "timed out: \(what)"
        }
    }
}
