import XMPPClient

/// A XEP-0030 disco#items answer: the hub's device list, or the command list.
public struct DiscoItems: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var jid: JID
        public var node: String?
        public var name: String?

        public init(jid: JID, node: String? = nil, name: String? = nil) {
            self.jid = jid
            self.node = node
            self.name = name
        }
    }

    public var node: String?
    public var items: [Item]

    public init(node: String? = nil, items: [Item]) {
        self.node = node
        self.items = items
    }

    public var element: XMLElement {
        let namespace = IoTNamespace.discoItems
        let children = items.map { item in
            XMLElement.make("item", namespace, [("jid", item.jid.description)] + [("node", item.node), ("name", item.name)]
                .compactMap { name, value in value.map { (name, $0) } })
        }
        return .make("query", namespace, node.map { [("node", $0)] } ?? [], children)
    }
}
