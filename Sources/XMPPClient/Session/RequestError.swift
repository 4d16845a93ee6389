/// Why an IQ request got no result.
public enum RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The peer answered with an error.
    case stanzaError(StanzaError)
    case timedOut(Duration)
    /// The stream the request was sent on ended without a way to resume it.
    case disconnected(SessionError)
    /// The answer was not a valid IQ.
    case malformedAnswer(StanzaParseError)

    public var description: String {
        switch self {
        case .stanzaError(let error): "the peer answered with an error: \(error)"
        case .timedOut(let timeout): "no answer within \(timeout)"
        case .disconnected(let error): "the session went offline before the answer: \(error)"
        case .malformedAnswer(let error): "the answer is malformed: \(error)"
        }
    }
}
