/// Any of the three stanza kinds, read from a top-level element in `jabber:client`.
public enum Stanza: Sendable, Equatable {
    case iq(IQ)
    case message(Message)
    case presence(Presence)

    public init(_ element: XMLElement) throws(StanzaParseError) {
        switch (element.name, element.namespace) {
        case ("iq", XMLNamespace.client): self = .iq(try IQ(element))
        case ("message", XMLNamespace.client): self = .message(try Message(element))
        case ("presence", XMLNamespace.client): self = .presence(try Presence(element))
        default: throw .notAStanza(name: element.name, namespace: element.namespace)
        }
    }

    public var element: XMLElement {
        switch self {
        case .iq(let iq): iq.element
        case .message(let message): message.element
        case .presence(let presence): presence.element
        }
    }
}
