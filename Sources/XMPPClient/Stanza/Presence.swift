/// A `<presence/>` stanza: availability broadcast, directed presence, or subscription
/// management.
public struct Presence: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// No `type` attribute on the wire.
        case available
        case unavailable, subscribe, subscribed, unsubscribe, unsubscribed, probe, error
    }

    public enum Show: String, Sendable {
        case away, chat, dnd, xa
    }

    public var kind: Kind
    public var id: String?
    public var from: JID?
    public var to: JID?
    public var show: Show?
    public var status: String?
    /// -128…127; negative keeps messages to the bare JID away from this resource.
    public var priority: Int8
    /// Extension elements (caps, delay, …), in order.
    public var payloads: [XMLElement]
    public var error: StanzaError?

    public init(kind: Kind = .available, id: String? = nil, from: JID? = nil, to: JID? = nil, show: Show? = nil,
                status: String? = nil, priority: Int8 = 0, payloads: [XMLElement] = [], error: StanzaError? = nil) {
        self.kind = kind
        self.id = id
        self.from = from
        self.to = to
        self.show = show
        self.status = status
        self.priority = priority
        self.payloads = payloads
        self.error = error
    }

    public init(_ element: XMLElement) throws(StanzaParseError) {
        guard element.name == "presence", element.namespace == XMLNamespace.client else {
            throw .notAStanza(name: element.name, namespace: element.namespace)
        }
        let addressing = try StanzaAddressing(element)
        let typeText = element.attribute("type")
        guard let kind = typeText.map(Kind.init(rawValue:)) ?? .available, typeText != Kind.available.rawValue else {
            throw .invalidType(typeText ?? "")
        }
        var show: Show?
        if let showText = element.element("show", namespace: XMLNamespace.client)?.text {
            guard let known = Show(rawValue: showText) else { throw .invalidType(showText) }
            show = known
        }
        // RFC 6121 §4.7.2.3: priority is an integer from -128 to 127; anything else is 0.
        let priority = element.element("priority", namespace: XMLNamespace.client).flatMap { Int8($0.text) } ?? 0
        let core: Set<String> = ["show", "status", "priority", "error"]
        self.init(
            kind: kind, id: addressing.id, from: addressing.from, to: addressing.to, show: show,
            status: element.element("status", namespace: XMLNamespace.client)?.text, priority: priority,
            payloads: element.elements.filter { !(core.contains($0.name) && $0.namespace == XMLNamespace.client) },
            error: element.element("error", namespace: XMLNamespace.client).map(StanzaError.init))
    }

    public var element: XMLElement {
        var children: [XMLNode] = []
        if let show { children.append(.element(XMLElement("show", namespace: XMLNamespace.client, children: [.text(show.rawValue)]))) }
        if let status { children.append(.element(XMLElement("status", namespace: XMLNamespace.client, children: [.text(status)]))) }
        if priority != 0 {
            children.append(.element(XMLElement("priority", namespace: XMLNamespace.client, children: [.text(String(priority))])))
        }
        children += payloads.map { .element($0) }
        if let error { children.append(.element(error.element)) }
        let type = kind == .available ? nil : kind.rawValue
        return XMLElement("presence", namespace: XMLNamespace.client,
                          attributes: StanzaAddressing(id: id, from: from, to: to).attributes(type: type),
                          children: children)
    }
}
