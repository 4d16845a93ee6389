import XMPPClient

typealias XMLAttributePair = (String, String)

extension XMLElement {
    /// An element in `namespace` with unprefixed attributes in the order given.
    static func make(_ name: String, _ namespace: String, _ attributes: [XMLAttributePair] = [],
                     _ children: [XMLElement] = []) -> XMLElement {
        XMLElement(name, namespace: namespace, attributes: attributes.map { XMLAttribute($0.0, value: $0.1) },
                   children: children.map { .element($0) })
    }

    /// An element holding only text.
    static func text(_ name: String, _ namespace: String, _ text: String) -> XMLElement {
        XMLElement(name, namespace: namespace, children: [.text(text)])
    }

    /// The child elements in `namespace` named `name`.
    func elements(_ name: String, namespace: String) -> [XMLElement] {
        elements.filter { $0.name == name && $0.namespace == namespace }
    }

    /// An xs:boolean attribute: nil when absent, throws when not a boolean.
    func booleanAttribute(_ name: String) throws(IoTRequestError) -> Bool? {
        guard let text = attribute(name) else { return nil }
        guard let value = XSBoolean.parse(text) else {
            throw .badRequest("The attribute \(name)='\(text)' is not a boolean.")
        }
        return value
    }
}
