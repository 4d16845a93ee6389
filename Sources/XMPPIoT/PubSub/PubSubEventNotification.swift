import XMPPClient

/// A XEP-0060 `<event>` notification a subscriber receives: published items and retractions
/// on one node.
public struct PubSubEventNotification: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var id: String?
        public var payload: XMLElement?
    }

    public var node: String
    public var items: [Item]
    public var retractedIds: [String]

    public init(node: String, items: [Item], retractedIds: [String] = []) {
        self.node = node
        self.items = items
        self.retractedIds = retractedIds
    }

    /// The notification a message carries; nil when it carries none.
    public init?(message: Message) throws(IoTRequestError) {
        let namespace = IoTNamespace.pubsubEvent
        guard let event = message.payload("event", namespace: namespace) else { return nil }
        guard let items = event.element("items", namespace: namespace), let node = items.attribute("node") else {
            throw .badRequest("The pubsub event carries no <items node>.")
        }
        self.init(node: node,
                  items: items.elements("item", namespace: namespace).map { Item(id: $0.attribute("id"), payload: $0.elements.first) },
                  retractedIds: items.elements("retract", namespace: namespace).compactMap { $0.attribute("id") })
    }

    /// The readings of every item whose payload is a sensor-data `<fields>`.
    public func readings() throws(IoTRequestError) -> [SensorDataFields] {
        var result: [SensorDataFields] = []
        for item in items {
            guard let payload = item.payload, payload.name == "fields", payload.namespace == IoTNamespace.sensorData
            else { continue }
            result.append(try SensorDataFields(payload))
        }
        return result
    }
}
