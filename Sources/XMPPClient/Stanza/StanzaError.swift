/// An `<error/>` inside a stanza (RFC 6120 §8.3): what went wrong, what the sender may do
/// about it, and optionally a sentence and an application-specific element.
public struct StanzaError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case auth, cancel, `continue`, modify, wait
    }

    public static let namespace = "urn:ietf:params:xml:ns:xmpp-stanzas"

    public var kind: Kind
    public var condition: StanzaErrorCondition
    public var text: String?
    /// An element in another namespace that says more, e.g. XEP-0325's `<paramError>`.
    public var applicationCondition: XMLElement?

    public init(_ condition: StanzaErrorCondition, kind: Kind? = nil, text: String? = nil,
                applicationCondition: XMLElement? = nil) {
        self.condition = condition
        self.kind = kind ?? condition.usualType
        self.text = text
        self.applicationCondition = applicationCondition
    }

    /// Reads an `<error/>` element; unknown conditions become `undefined-condition`.
    public init(_ element: XMLElement) {
        let conditionElement = element.elements.first { $0.namespace == Self.namespace && $0.name != "text" }
        condition = conditionElement.flatMap { StanzaErrorCondition(rawValue: $0.name) } ?? .undefinedCondition
        kind = element.attribute("type").flatMap(Kind.init(rawValue:)) ?? condition.usualType
        text = element.element("text", namespace: Self.namespace)?.text
        applicationCondition = element.elements.first { $0.namespace != Self.namespace }
    }

    public var element: XMLElement {
        var children: [XMLNode] = [.element(XMLElement(condition.rawValue, namespace: Self.namespace))]
        if let text {
            children.append(.element(XMLElement(
                "text", namespace: Self.namespace,
                attributes: [XMLAttribute("lang", namespace: XMLNamespace.xml, value: "en")],
                children: [.text(text)])))
        }
        if let applicationCondition { children.append(.element(applicationCondition)) }
        return XMLElement("error", namespace: XMLNamespace.client, attributes: ["type": kind.rawValue], children: children)
    }

    public var description: String {
        "\(condition.rawValue) (\(kind.rawValue))" + (text.map { ": \($0)" } ?? "")
    }
}
