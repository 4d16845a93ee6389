/// An `<iq/>` stanza: a request (`get`, `set`) that gets exactly one answer (`result`,
/// `error`).
public struct IQ: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case get, set, result, error
    }

    public var kind: Kind
    public var id: String
    public var from: JID?
    public var to: JID?
    /// The one child of a get or set, the optional child of a result.
    public var payload: XMLElement?
    public var error: StanzaError?

    public init(kind: Kind, id: String, from: JID? = nil, to: JID? = nil,
                payload: XMLElement? = nil, error: StanzaError? = nil) {
        self.kind = kind
        self.id = id
        self.from = from
        self.to = to
        self.payload = payload
        self.error = error
    }

    public init(_ element: XMLElement) throws(StanzaParseError) {
        guard element.name == "iq", element.namespace == XMLNamespace.client else {
            throw .notAStanza(name: element.name, namespace: element.namespace)
        }
        let addressing = try StanzaAddressing(element)
        guard let id = addressing.id else { throw .missingAttribute("id") }
        guard let typeText = element.attribute("type") else { throw .missingAttribute("type") }
        guard let kind = Kind(rawValue: typeText) else { throw .invalidType(typeText) }
        let children = element.elements
        let errorElement = children.first { $0.name == "error" && $0.namespace == XMLNamespace.client }
        let payloads = children.filter { $0 != errorElement }
        if kind == .get || kind == .set, payloads.count != 1 { throw .iqPayloadCount(payloads.count) }
        self.init(kind: kind, id: id, from: addressing.from, to: addressing.to,
                  payload: payloads.first, error: errorElement.map(StanzaError.init))
    }

    public var element: XMLElement {
        var children: [XMLNode] = payload.map { [.element($0)] } ?? []
        if let error { children.append(.element(error.element)) }
        return XMLElement("iq", namespace: XMLNamespace.client,
                          attributes: StanzaAddressing(id: id, from: from, to: to).attributes(type: kind.rawValue),
                          children: children)
    }

    /// The `result` answering this request.
    public func result(_ payload: XMLElement? = nil) -> IQ {
        IQ(kind: .result, id: id, to: from, payload: payload)
    }

    /// The `error` answering this request; the request's payload is not echoed.
    public func error(_ error: StanzaError) -> IQ {
        IQ(kind: .error, id: id, to: from, error: error)
    }
}
