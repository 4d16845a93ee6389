/// A `<message/>` stanza.
public struct Message: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case chat, error, groupchat, headline, normal
    }

    public var kind: Kind
    public var id: String?
    public var from: JID?
    public var to: JID?
    public var body: String?
    public var subject: String?
    public var thread: String?
    /// Extension elements (anything but body, subject, thread and error), in order.
    public var payloads: [XMLElement]
    public var error: StanzaError?

    public init(kind: Kind = .normal, id: String? = nil, from: JID? = nil, to: JID? = nil, body: String? = nil,
                subject: String? = nil, thread: String? = nil, payloads: [XMLElement] = [], error: StanzaError? = nil) {
        self.kind = kind
        self.id = id
        self.from = from
        self.to = to
        self.body = body
        self.subject = subject
        self.thread = thread
        self.payloads = payloads
        self.error = error
    }

    public init(_ element: XMLElement) throws(StanzaParseError) {
        guard element.name == "message", element.namespace == XMLNamespace.client else {
            throw .notAStanza(name: element.name, namespace: element.namespace)
        }
        let addressing = try StanzaAddressing(element)
        let typeText = element.attribute("type") ?? Kind.normal.rawValue
        guard let kind = Kind(rawValue: typeText) else { throw .invalidType(typeText) }
        let core: Set<String> = ["body", "subject", "thread", "error"]
        self.init(
            kind: kind, id: addressing.id, from: addressing.from, to: addressing.to,
            body: element.element("body", namespace: XMLNamespace.client)?.text,
            subject: element.element("subject", namespace: XMLNamespace.client)?.text,
            thread: element.element("thread", namespace: XMLNamespace.client)?.text,
            payloads: element.elements.filter { !(core.contains($0.name) && $0.namespace == XMLNamespace.client) },
            error: element.element("error", namespace: XMLNamespace.client).map(StanzaError.init))
    }

    public var element: XMLElement {
        var children: [XMLNode] = []
        for (name, text) in [("subject", subject), ("body", body), ("thread", thread)] {
            if let text { children.append(.element(XMLElement(name, namespace: XMLNamespace.client, children: [.text(text)]))) }
        }
        children += payloads.map { .element($0) }
        if let error { children.append(.element(error.element)) }
        let type = kind == .normal ? nil : kind.rawValue
        return XMLElement("message", namespace: XMLNamespace.client,
                          attributes: StanzaAddressing(id: id, from: from, to: to).attributes(type: type),
                          children: children)
    }

    /// The first extension element with this name and namespace.
    public func payload(_ name: String, namespace: String) -> XMLElement? {
        payloads.first { $0.name == name && $0.namespace == namespace }
    }
}
