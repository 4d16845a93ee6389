import FoundationEssentials
import XMPPClient

/// A XEP-0323 readout request (`<req>`), from an IQ get or a message, in any dialect peers
/// send: v0.3+, slixmpp's v0.2 shapes (naive times, IQ id = seqnr), Smack's bare momentary
/// request.
///
/// Field names, types, nodes and the time range are hints: a device may return more, and
/// clients filter. ``wants(_:)`` applies them for a device that filters anyway.
public struct SensorDataRequest: Sendable, Hashable {
    /// The client's sequence number, kept as written: every reply echoes it exactly.
    public var seqnr: String
    /// Requested nodes; empty means everything the JID serves.
    public var nodes: [NodeReference]
    /// Requested field names; empty means every field.
    public var fieldNames: [String]
    /// The union of requested field types; ``SensorFieldType/unspecifiedRequest`` when the
    /// request names none.
    public var fieldTypes: SensorFieldType
    /// Range for historical values.
    public var from: XSDateTime?
    public var to: XSDateTime?
    /// When to read out; a time in the future queues the readout.
    public var when: XSDateTime?
    public var dialect: SensorDataDialect

    public init(seqnr: String, nodes: [NodeReference] = [], fieldNames: [String] = [],
                fieldTypes: SensorFieldType = .unspecifiedRequest, from: XSDateTime? = nil, to: XSDateTime? = nil,
                when: XSDateTime? = nil, dialect: SensorDataDialect = .standard) {
        self.seqnr = seqnr
        self.nodes = nodes
        self.fieldNames = fieldNames
        self.fieldTypes = fieldTypes
        self.from = from
        self.to = to
        self.when = when
        self.dialect = dialect
    }

    /// Reads the `<req>` of an IQ get. slixmpp's client uses its seqnr as the IQ id, which
    /// tells its requests apart from everyone else's.
    public init(iq: IQ) throws(IoTRequestError) {
        guard let payload = iq.payload else { throw .badRequest("The IQ carries no request.") }
        try self.init(payload, iqId: iq.id)
    }

    /// Reads the `<req>` of a message, if it carries one.
    public init?(message: Message) throws(IoTRequestError) {
        guard let payload = message.payload("req", namespace: IoTNamespace.sensorData) else { return nil }
        try self.init(payload, iqId: nil)
    }

    public init(_ element: XMLElement, iqId: String? = nil) throws(IoTRequestError) {
        guard element.name == "req", element.namespace == IoTNamespace.sensorData else {
            throw .badRequest("Expected <req xmlns='\(IoTNamespace.sensorData)'>.")
        }
        let seqnr = try Self.seqnr(of: element)
        var types: SensorFieldType = []
        for (attribute, flag) in SensorFieldType.attributeNames {
            if try element.booleanAttribute(attribute) == true { types.insert(flag) }
        }
        if try element.booleanAttribute("identification") == true { types.insert(.identity) }
        if try element.booleanAttribute("historical") == true { types.formUnion(.historical) }
        if try element.booleanAttribute("all") == true { types = .all }
        let from = try Self.dateTime(element, "from")
        let to = try Self.dateTime(element, "to")
        if let from, let to, from.date > to.date {
            throw .badRequest("The range from \(from.lexical) to \(to.lexical) ends before it starts.")
        }
        let when = try Self.dateTime(element, "when")
        let nodes = element.elements("node", namespace: IoTNamespace.sensorData).map(NodeReference.init)
        var fieldNames: [String] = []
        for field in element.elements("field", namespace: IoTNamespace.sensorData) {
            guard let name = field.attribute("name") else { throw .badRequest("A <field> in the request has no name.") }
            fieldNames.append(name)
        }
        let naiveTimes = [from, to, when].contains { $0?.hasTimeZone == false }
        let bareMomentary = element.children.isEmpty
            && Set(element.attributes.map(\.name)) == ["seqnr", "momentary"] && types == .momentary
        let dialect: SensorDataDialect =
            iqId == seqnr || naiveTimes ? .slixmpp : bareMomentary ? .smack : .standard
        self.init(seqnr: seqnr, nodes: nodes, fieldNames: fieldNames,
                  fieldTypes: types.isEmpty ? .unspecifiedRequest : types,
                  from: from, to: to, when: when, dialect: dialect)
    }

    /// The seqnr of any sensor-data element (`<req>`, `<cancel>`): required, an xs:int.
    static func seqnr(of element: XMLElement) throws(IoTRequestError) -> String {
        guard let seqnr = element.attribute("seqnr") else {
            throw .badRequest("The <\(element.name)> has no seqnr.")
        }
        guard Int32(seqnr.trimmingWhitespace()) != nil else {
            throw .badRequest("The seqnr '\(seqnr)' is not an integer.")
        }
        return seqnr
    }

    private static func dateTime(_ element: XMLElement, _ name: String) throws(IoTRequestError) -> XSDateTime? {
        guard let text = element.attribute(name) else { return nil }
        guard let value = XSDateTime(lexical: text) else {
            throw .badRequest("The attribute \(name)='\(text)' is not an xs:dateTime.")
        }
        return value
    }

    /// Whether the readout must wait: `when` lies after `now`.
    public func isQueued(now: Date) -> Bool {
        guard let when else { return false }
        return when.date > now
    }

    /// Whether the request addresses the node `nodeId`: no `<node>` at all, a `<node>`
    /// without `nodeId`, or one naming it.
    public func addresses(nodeId: String) -> Bool {
        nodes.isEmpty || nodes.contains { $0.nodeId == nil || $0.nodeId == nodeId }
    }

    /// The node ids the request names that are not among `served`, in request order.
    public func unknownNodeIds(served: Set<String>) -> [String] {
        nodes.compactMap(\.nodeId).filter { !served.contains($0) }
    }

    /// Whether `field` matches the hints: its name is requested (or none are), its types
    /// meet the requested ones (a field without types counts as momentary), and a
    /// historical field lies within `from`…`to`.
    public func wants(_ field: SensorField) -> Bool {
        if !fieldNames.isEmpty, !fieldNames.contains(field.name) { return false }
        let types = field.types.isEmpty ? SensorFieldType.momentary : field.types
        guard !types.isDisjoint(with: fieldTypes) else { return false }
        if !types.isDisjoint(with: .historical) {
            if let from, field.timestamp < from.date { return false }
            if let to, field.timestamp > to.date { return false }
        }
        return true
    }

    /// The `<req>` element, for a client requesting a readout.
    public var element: XMLElement {
        var attributes: [XMLAttributePair] = [("seqnr", seqnr)]
        if fieldTypes == .all {
            attributes.append(("all", "true"))
        } else {
            for (attribute, flag) in SensorFieldType.attributeNames where fieldTypes.contains(flag) {
                attributes.append((attribute, "true"))
            }
        }
        for (name, stamp) in [("from", from), ("to", to), ("when", when)] {
            if let stamp { attributes.append((name, stamp.lexical)) }
        }
        let children = nodes.map { $0.element(namespace: IoTNamespace.sensorData) }
            + fieldNames.map { XMLElement.make("field", IoTNamespace.sensorData, [("name", $0)]) }
        return .make("req", IoTNamespace.sensorData, attributes, children)
    }
}
