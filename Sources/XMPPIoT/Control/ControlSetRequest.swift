import XMPPClient

/// A XEP-0325 `<set>`, from an IQ set (answered) or a message (never answered): the nodes
/// it targets and the parameters to set, in document order, or a submitted form.
public struct ControlSetRequest: Sendable, Hashable {
    /// Targeted nodes; empty means the JID's own device.
    public var nodes: [NodeReference]
    /// In document order, which is the order they must apply in.
    public var settings: [ControlSetting]
    /// A form set (`<x type='submit'>` inside `<set>`) instead of typed parameters.
    public var form: DataForm?
    /// `.smack` when it used Smack's `<bool>`; the gateway's compatibility setting may
    /// override this with `.slixmpp`.
    public var dialect: SensorDataDialect

    public init(nodes: [NodeReference] = [], settings: [ControlSetting], form: DataForm? = nil,
                dialect: SensorDataDialect = .standard) {
        self.nodes = nodes
        self.settings = settings
        self.form = form
        self.dialect = dialect
    }

    public init(iq: IQ) throws(IoTRequestError) {
        guard let payload = iq.payload else { throw .badRequest("The IQ carries no request.") }
        try self.init(payload)
    }

    /// The `<set>` a message carries, if any.
    public init?(message: Message) throws(IoTRequestError) {
        guard let payload = message.payload("set", namespace: IoTNamespace.control) else { return nil }
        try self.init(payload)
    }

    /// Reads `<set>`. A parameter whose value does not fit its own element type is refused
    /// here, naming it; whether the device has such a parameter is ``validated(against:)``'s
    /// question.
    public init(_ element: XMLElement) throws(IoTRequestError) {
        guard element.name == "set", element.namespace == IoTNamespace.control else {
            throw .badRequest("Expected <set xmlns='\(IoTNamespace.control)'>.")
        }
        var nodes: [NodeReference] = []
        var settings: [ControlSetting] = []
        var form: DataForm?
        var dialect = SensorDataDialect.standard
        for child in element.elements {
            if child.name == "x", child.namespace == IoTNamespace.dataForms {
                form = try DataForm(child)
                continue
            }
            guard child.namespace == IoTNamespace.control else { continue }
            if child.name == "node" {
                nodes.append(NodeReference(child))
                continue
            }
            guard let type = ControlParameterType(elementName: child.name) else {
                throw .badRequest("<\(child.name)> is not a parameter type.")
            }
            if child.name == "bool" { dialect = .smack }
            guard let name = child.attribute("name") else { throw .badRequest("A <\(child.name)> has no name.") }
            guard let text = child.attribute("value") else {
                throw ControlParameterError(parameter: name, reason: .malformed(text: "", expected: type)).requestError
            }
            guard let value = ControlValue(lexical: text, type: type) else {
                throw ControlParameterError(parameter: name, reason: .malformed(text: text, expected: type)).requestError
            }
            settings.append(ControlSetting(name: name, value: value))
        }
        guard !settings.isEmpty || form != nil else { throw .badRequest("The <set> names no parameter.") }
        self.init(nodes: nodes, settings: settings, form: form, dialect: dialect)
    }

    /// Every setting checked against the device's parameters, converted to their types,
    /// in document order — or the first problem. Nothing may act unless this succeeds.
    public func validated(against parameters: [ControlParameter]) throws(ControlParameterError) -> [ControlSetting] {
        if let form { return try ControlForm.settings(from: form, parameters: parameters) }
        var result: [ControlSetting] = []
        for setting in settings {
            guard let parameter = parameters.first(where: { $0.name == setting.name }) else {
                throw ControlParameterError(parameter: setting.name,
                                            reason: .unknownParameter(known: parameters.filter(\.writable).map(\.name)))
            }
            result.append(ControlSetting(name: setting.name, value: try parameter.validate(setting.value)))
        }
        return result
    }

    /// The node ids named that are not among `served`.
    public func unknownNodeIds(served: Set<String>) -> [String] {
        nodes.compactMap(\.nodeId).filter { !served.contains($0) }
    }

    /// The `<set>` element, for a client.
    public var element: XMLElement {
        var children = nodes.map { $0.element(namespace: IoTNamespace.control) } + settings.map(\.element)
        if let form { children.append(form.element) }
        return .make("set", IoTNamespace.control, [], children)
    }
}
