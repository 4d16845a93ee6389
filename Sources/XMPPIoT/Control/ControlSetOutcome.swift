import XMPPClient

/// A device's answer to our control IQ (client side): v0.3+ `<setResponse/>` or stanza
/// error, and slixmpp's v0.2 `<setResponse responseCode>` with or without a stanza error.
public enum ControlSetOutcome: Sendable, Hashable {
    case applied
    /// The condition (from the stanza error, or mapped from the legacy response code),
    /// the parameter named by `<paramError>` or the legacy `<parameter>`/`<error var>`,
    /// and the text.
    case refused(condition: StanzaErrorCondition, parameter: String?, text: String?)

    public init(iq: IQ) throws(IoTRequestError) {
        let setResponse = iq.payload.flatMap { $0.name == "setResponse" && $0.namespace == IoTNamespace.control ? $0 : nil }
        let responseCode = setResponse?.attribute("responseCode")
        switch iq.kind {
        case .result where responseCode == nil || responseCode == "OK":
            self = .applied
        case .result, .error:
            let legacyError = setResponse?.element("error", namespace: IoTNamespace.control)
            let paramError = iq.error?.applicationCondition.flatMap {
                $0.name == "paramError" && $0.namespace == IoTNamespace.control ? $0 : nil
            }
            let parameter = paramError?.attribute("var")
                ?? setResponse?.element("parameter", namespace: IoTNamespace.control)?.attribute("name")
                ?? legacyError?.attribute("var")
            let condition = iq.error?.condition ?? responseCode.map(Self.condition(legacyCode:)) ?? .undefinedCondition
            self = .refused(condition: condition, parameter: parameter, text: iq.error?.text ?? legacyError?.text)
        case .get, .set:
            throw .badRequest("A request is not an answer.")
        }
    }

    /// Brief §2.3's mapping of v0.2 response codes.
    static func condition(legacyCode code: String) -> StanzaErrorCondition {
        switch code {
        case "NotFound": .itemNotFound
        case "InsufficientPrivileges": .forbidden
        case "Locked": .conflict
        case "NotImplemented": .featureNotImplemented
        case "FormError": .badRequest
        default: .undefinedCondition
        }
    }
}
