import XMPPClient

/// A `<node nodeId [sourceId] [cacheType]/>` selecting a device behind a JID (XEP-0323,
/// XEP-0325; the addressing comes from XEP-0326 concentrators).
public struct NodeReference: Sendable, Hashable {
    /// Smack's default `Thing` writes `<node>` without `nodeId`; nil then.
    public var nodeId: String?
    public var sourceId: String?
    public var cacheType: String?

    public init(nodeId: String?, sourceId: String? = nil, cacheType: String? = nil) {
        self.nodeId = nodeId
        self.sourceId = sourceId
        self.cacheType = cacheType
    }

    init(_ element: XMLElement) {
        self.init(nodeId: element.attribute("nodeId"), sourceId: element.attribute("sourceId"),
                  cacheType: element.attribute("cacheType"))
    }

    func element(namespace: String, children: [XMLNode] = []) -> XMLElement {
        var attributes: [XMLAttribute] = []
        if let nodeId { attributes.append(XMLAttribute("nodeId", value: nodeId)) }
        if let sourceId { attributes.append(XMLAttribute("sourceId", value: sourceId)) }
        if let cacheType { attributes.append(XMLAttribute("cacheType", value: cacheType)) }
        return XMLElement("node", namespace: namespace, attributes: attributes, children: children)
    }
}
