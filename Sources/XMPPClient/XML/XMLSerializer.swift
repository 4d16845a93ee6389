/// Writes ``XMLElement``s as XML text that parses back to the same element.
///
/// Namespace declarations are written only where an element's namespace differs from the
/// one in scope. `prefixes` names namespaces already bound by an enclosing element — inside
/// an XMPP stream, the stream header binds `stream:` — so elements in them are written
/// prefixed and declare nothing. Characters that XML 1.0 cannot carry (control characters
/// other than tab, line feed and carriage return; U+FFFE, U+FFFF) are written as U+FFFD.
public struct XMLSerializer: Sendable {
    /// The default namespace in scope where the element is written.
    public var defaultNamespace: String
    /// Namespace URI → prefix, for prefixes bound where the element is written.
    public var prefixes: [String: String]

    public init(defaultNamespace: String = "", prefixes: [String: String] = [:]) {
        self.defaultNamespace = defaultNamespace
        self.prefixes = prefixes
    }

    /// The serializer for stanzas inside a client stream.
    public static let clientStream = XMLSerializer(
        defaultNamespace: XMLNamespace.client, prefixes: [XMLNamespace.streams: "stream"])

    public func string(_ element: XMLElement) -> String {
        var output = ""
        write(element, to: &output)
        return output
    }

    public func write(_ element: XMLElement, to output: inout String) {
        write(element, inScope: defaultNamespace, to: &output)
    }

    private func write(_ element: XMLElement, inScope scope: String, to output: inout String) {
        var childScope = scope
        let qualifiedName: String
        var declaration: String?
        if element.namespace == scope {
            qualifiedName = element.name
        } else if let prefix = prefixes[element.namespace] {
            qualifiedName = "\(prefix):\(element.name)"
        } else {
            qualifiedName = element.name
            declaration = element.namespace
            childScope = element.namespace
        }
        output += "<"
        output += qualifiedName
        if let declaration {
            output += " xmlns='"
            XMLEscaping.appendAttributeValue(declaration, to: &output)
            output += "'"
        }
        writeAttributes(element.attributes, to: &output)
        if element.children.isEmpty {
            output += "/>"
            return
        }
        output += ">"
        for child in element.children {
            switch child {
            case .element(let child): write(child, inScope: childScope, to: &output)
            case .text(let text): XMLEscaping.appendText(text, to: &output)
            }
        }
        output += "</"
        output += qualifiedName
        output += ">"
    }

    private func writeAttributes(_ attributes: [XMLAttribute], to output: inout String) {
        var declared = 0
        for attribute in attributes {
            output += " "
            switch attribute.namespace {
            case nil:
                break
            case XMLNamespace.xml?:
                output += "xml:"
            case let namespace?:
                if let prefix = prefixes[namespace] {
                    output += "\(prefix):"
                } else {
                    // Attributes in other namespaces are rare in XMPP; each gets its own
                    // prefix, declared on this element.
                    let prefix = freshPrefix(&declared)
                    output += "xmlns:\(prefix)='"
                    XMLEscaping.appendAttributeValue(namespace, to: &output)
                    output += "' \(prefix):"
                }
            }
            output += attribute.name
            output += "='"
            XMLEscaping.appendAttributeValue(attribute.value, to: &output)
            output += "'"
        }
    }

    private func freshPrefix(_ counter: inout Int) -> String {
        while true {
            let prefix = "ns\(counter)"
            counter += 1
            if !prefixes.values.contains(prefix) { return prefix }
        }
    }
}

extension XMLElement: CustomStringConvertible {
    /// The element as standalone XML, declaring its own namespace.
    public var description: String { XMLSerializer().string(self) }
}
