import XMPPClient

/// The disco#items answer on node `http://jabber.org/protocol/commands`: the commands a
/// requester may run (the gateway filters the list per requester before building it).
public struct AdHocCommandList: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        /// The full JID that runs the command.
        public var jid: JID
        public var node: String
        public var name: String

        public init(jid: JID, node: String, name: String) {
            self.jid = jid
            self.node = node
            self.name = name
        }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    public var element: XMLElement {
        DiscoItems(node: IoTNamespace.commands,
                   items: items.map { DiscoItems.Item(jid: $0.jid, node: $0.node, name: $0.name) }).element
    }
}
