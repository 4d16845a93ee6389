import XMPPClient

/// A XEP-0325 `<getForm>`: which nodes' parameters to put in a control form.
public struct ControlFormRequest: Sendable, Hashable {
    public var nodes: [NodeReference]
    public var language: String?

    public init(nodes: [NodeReference] = [], language: String? = nil) {
        self.nodes = nodes
        self.language = language
    }

    public init(_ element: XMLElement) throws(IoTRequestError) {
        guard element.name == "getForm", element.namespace == IoTNamespace.control else {
            throw .badRequest("Expected <getForm xmlns='\(IoTNamespace.control)'>.")
        }
        self.init(nodes: element.elements("node", namespace: IoTNamespace.control).map(NodeReference.init),
                  language: element.attributes.first { $0.name == "lang" && $0.namespace == XMLNamespace.xml }?.value)
    }
}
