import XMPPClient

/// The XEP-0050 errors: a stanza condition plus a condition in the commands namespace.
public enum AdHocCommandError: Error, Sendable, Hashable {
    case malformedAction(String)
    case badAction(AdHocAction)
    case badLocale(String)
    /// The submitted data is wrong (e.g. out of range); the text says how.
    case badPayload(String)
    case badSessionId(String)
    case sessionExpired(String)

    public var requestError: IoTRequestError {
        let (condition, specific, text): (StanzaErrorCondition, String, String) =
            switch self {
            case .malformedAction(let action): (.badRequest, "malformed-action", "Unknown action '\(action)'.")
            case .badAction(let action): (.badRequest, "bad-action", "The action '\(action.rawValue)' is not allowed now.")
            case .badLocale(let language): (.badRequest, "bad-locale", "The language '\(language)' is not supported.")
            case .badPayload(let text): (.badRequest, "bad-payload", text)
            case .badSessionId(let session): (.badRequest, "bad-sessionid", "There is no command session '\(session)'.")
            case .sessionExpired(let session): (.notAllowed, "session-expired", "The command session '\(session)' has expired.")
            }
        return IoTRequestError(condition, text, applicationCondition: XMLElement(specific, namespace: IoTNamespace.commands))
    }
}
