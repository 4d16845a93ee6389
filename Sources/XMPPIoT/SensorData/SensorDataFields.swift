import FoundationEssentials
import XMPPClient

/// The content of one XEP-0323 `<fields>` element: readout results for a request (`seqnr`),
/// grouped by node. Also the payload of our PEP items (seqnr `0`, brief §4.7).
public struct SensorDataFields: Sendable, Hashable {
    /// The fields of one node, in order; the element groups them by timestamp.
    public struct Node: Sendable, Hashable {
        public var node: NodeReference
        public var fields: [SensorField]

        public init(node: NodeReference, fields: [SensorField]) {
            self.node = node
            self.fields = fields
        }
    }

    /// Echoed exactly as the request wrote it.
    public var seqnr: String
    public var done: Bool
    public var nodes: [Node]

    public init(seqnr: String, done: Bool, nodes: [Node]) {
        self.seqnr = seqnr
        self.done = done
        self.nodes = nodes
    }

    public init(seqnr: String, done: Bool, nodeId: String, fields: [SensorField]) {
        self.init(seqnr: seqnr, done: done, nodes: [Node(node: NodeReference(nodeId: nodeId), fields: fields)])
    }

    /// Every field of every node, in order.
    public var allFields: [SensorField] { nodes.flatMap(\.fields) }

    public func element(dialect: SensorDataDialect = .standard) -> XMLElement {
        var attributes: [XMLAttributePair] = [("seqnr", seqnr)]
        if done { attributes.append(("done", "true")) }
        let nodeElements = nodes.map { node in
            node.node.element(namespace: IoTNamespace.sensorData, children: Self.timestampBlocks(node.fields, dialect))
        }
        return .make("fields", IoTNamespace.sensorData, attributes, nodeElements)
    }

    /// Consecutive fields stamped within the same second share one `<timestamp>` (which has
    /// no finer unit): fields of one measurement stamped microseconds apart form one block.
    private static func timestampBlocks(_ fields: [SensorField], _ dialect: SensorDataDialect) -> [XMLNode] {
        let second = { (date: Date) in date.timeIntervalSince1970.rounded(.down) }
        var blocks: [(stamp: Date, values: [XMLElement])] = []
        for field in fields {
            if let last = blocks.last, second(last.stamp) == second(field.timestamp) {
                blocks[blocks.count - 1].values.append(field.element(dialect: dialect))
            } else {
                blocks.append((field.timestamp, [field.element(dialect: dialect)]))
            }
        }
        // slixmpp writes and expects naive timestamps (brief §8.6).
        let withZone = dialect != .slixmpp
        return blocks.map { block in
            .element(.make("timestamp", IoTNamespace.sensorData,
                           [("value", XSDateTime.text(block.stamp, withZone: withZone))], block.values))
        }
    }

    /// Reads a `<fields>` element. Unknown value elements are skipped; fields with bad
    /// values or timestamps are refused.
    public init(_ element: XMLElement) throws(IoTRequestError) {
        guard element.name == "fields", element.namespace == IoTNamespace.sensorData else {
            throw .badRequest("Expected <fields xmlns='\(IoTNamespace.sensorData)'>.")
        }
        guard let seqnr = element.attribute("seqnr") else { throw .badRequest("<fields> has no seqnr.") }
        var nodes: [Node] = []
        for nodeElement in element.elements("node", namespace: IoTNamespace.sensorData) {
            var fields: [SensorField] = []
            for block in nodeElement.elements("timestamp", namespace: IoTNamespace.sensorData) {
                guard let text = block.attribute("value"), let stamp = XSDateTime(lexical: text) else {
                    throw .badRequest("A <timestamp> has no valid value.")
                }
                for valueElement in block.elements where valueElement.namespace == IoTNamespace.sensorData {
                    if let field = try SensorField(valueElement, timestamp: stamp.date) { fields.append(field) }
                }
            }
            nodes.append(Node(node: NodeReference(nodeElement), fields: fields))
        }
        self.init(seqnr: seqnr, done: try element.booleanAttribute("done") ?? false, nodes: nodes)
    }
}
