import XMPPClient

/// Builders for the answers to an IQ `<set>` (a message `<set>` is never answered).
public enum ControlSetResponse {
    /// `<setResponse/>`, optionally listing the nodes and parameters used; slixmpp also
    /// needs `responseCode='OK'` to report success.
    public static func success(dialect: SensorDataDialect = .standard, nodes: [NodeReference] = [],
                               parameterNames: [String] = []) -> XMLElement {
        let children = nodes.map { $0.element(namespace: IoTNamespace.control) }
            + parameterNames.map { XMLElement.make("parameter", IoTNamespace.control, [("name", $0)]) }
        return .make("setResponse", IoTNamespace.control, dialect == .slixmpp ? [("responseCode", "OK")] : [], children)
    }

    /// The error IQ refusing a set. slixmpp only reacts to a v0.2 `<setResponse responseCode>`
    /// body, so to it that goes beside the stanza error.
    public static func failure(answering request: IQ, error: IoTRequestError, dialect: SensorDataDialect) -> IQ {
        var reply = request.error(error.stanzaError)
        guard dialect == .slixmpp else { return reply }
        var children: [XMLElement] = []
        if let parameter = error.applicationCondition?.attribute("var") {
            children.append(.make("parameter", IoTNamespace.control, [("name", parameter)]))
            children.append(XMLElement("error", namespace: IoTNamespace.control, attributes: ["var": parameter],
                                       children: [.text(error.text)]))
        } else {
            children.append(.text("error", IoTNamespace.control, error.text))
        }
        reply.payload = .make("setResponse", IoTNamespace.control,
                              [("responseCode", legacyResponseCode(error.condition))], children)
        return reply
    }

    /// The v0.2 response code for a stanza error condition (the inverse of brief §2.3's table).
    static func legacyResponseCode(_ condition: StanzaErrorCondition) -> String {
        switch condition {
        case .itemNotFound: "NotFound"
        case .forbidden, .notAllowed: "InsufficientPrivileges"
        case .conflict: "Locked"
        case .featureNotImplemented: "NotImplemented"
        case .badRequest: "FormError"
        default: "OtherError"
        }
    }
}
