/// An immutable XML element with its namespace resolved: what the stream parser yields for
/// each stanza and what stanza builders hand to the serializer.
///
/// Children are kept normalised — no empty text nodes and never two text nodes side by
/// side — so two elements that serialise to the same XML compare equal.
public struct XMLElement: Sendable, Hashable {
    public let name: String
    /// The element's namespace URI; the empty string for an element in no namespace.
    public let namespace: String
    public let attributes: [XMLAttribute]
    public let children: [XMLNode]

    public init(
        _ name: String,
        namespace: String,
        attributes: [XMLAttribute] = [],
        children: [XMLNode] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = XMLElement.normalized(children)
    }

    /// An element whose unprefixed attributes are given as name/value pairs, in order.
    public init(
        _ name: String,
        namespace: String,
        attributes: KeyValuePairs<String, String>,
        children: [XMLNode] = []
    ) {
        self.init(
            name, namespace: namespace,
            attributes: attributes.map { XMLAttribute($0.key, value: $0.value) },
            children: children
        )
    }

    /// For the parser, whose children are normalised as they are built.
    init(name: String, namespace: String, attributes: [XMLAttribute], normalizedChildren: [XMLNode]) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = normalizedChildren
    }

    /// The value of the attribute `name` in no namespace.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name && $0.namespace == nil }?.value
    }

    /// The child elements, without text.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element with this name, in `namespace` (or in any namespace when nil).
    public func element(_ name: String, namespace: String? = nil) -> XMLElement? {
        for case .element(let element) in children
        where element.name == name && (namespace == nil || element.namespace == namespace) {
            return element
        }
        return nil
    }

    /// The character data directly inside this element, concatenated.
    public var text: String {
        var result = ""
        for case .text(let text) in children { result += text }
        return result
    }

    /// A copy with `child` appended.
    public func appending(_ child: XMLNode) -> XMLElement {
        XMLElement(name, namespace: namespace, attributes: attributes, children: children + [child])
    }

    /// A copy with the attribute `name` (no namespace) set to `value`, or removed when nil.
    public func setting(_ name: String, to value: String?) -> XMLElement {
        var attributes = self.attributes.filter { !($0.name == name && $0.namespace == nil) }
        if let value { attributes.append(XMLAttribute(name, value: value)) }
        return XMLElement(
            name: self.name, namespace: namespace, attributes: attributes, normalizedChildren: children)
    }

    private static func normalized(_ children: [XMLNode]) -> [XMLNode] {
        var result: [XMLNode] = []
        result.reserveCapacity(children.count)
        for child in children {
            guard case .text(let text) = child else {
                result.append(child)
                continue
            }
            if text.isEmpty { continue }
            if case .text(let previous) = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(child)
            }
        }
        return result
    }
}
