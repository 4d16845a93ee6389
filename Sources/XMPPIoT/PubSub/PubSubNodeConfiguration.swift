import XMPPClient

/// The node configuration the gateway manages (`#owner` `<configure>`): chiefly
/// `max_items`, which must cover every device's item on a shared node.
public struct PubSubNodeConfiguration: Sendable, Hashable {
    /// Nil = not sent (Prosody keeps fields a configure leaves out); `max` is the server's ceiling.
    public var maxItems: String?
    public var accessModel: PubSubAccessModel?
    public var persistItems: Bool?

    public init(maxItems: String? = nil, accessModel: PubSubAccessModel? = nil, persistItems: Bool? = nil) {
        self.maxItems = maxItems
        self.accessModel = accessModel
        self.persistItems = persistItems
    }

    /// Reads the configuration form of a configure result.
    public init(form: DataForm) {
        self.init(maxItems: form.value("pubsub#max_items"),
                  accessModel: form.value("pubsub#access_model").flatMap(PubSubAccessModel.init(rawValue:)),
                  persistItems: form.value("pubsub#persist_items").flatMap(XSBoolean.parse))
    }

    /// Reads the result of ``requestIQ(node:id:service:)``; nil when it carries no form.
    public init?(result iq: IQ) throws(IoTRequestError) {
        guard let configure = iq.payload?.element("configure", namespace: IoTNamespace.pubsubOwner),
              let x = configure.element("x", namespace: IoTNamespace.dataForms) else { return nil }
        self.init(form: try DataForm(x))
    }

    /// `max_items` as a number; `max` counts as unlimited.
    public var maxItemCount: Int? {
        maxItems == "max" ? Int.max : maxItems.flatMap { Int($0) }
    }

    public var form: DataForm {
        var fields: [DataFormField] = []
        if let maxItems { fields.append(DataFormField(variable: "pubsub#max_items", values: [maxItems])) }
        if let accessModel { fields.append(DataFormField(variable: "pubsub#access_model", values: [accessModel.rawValue])) }
        if let persistItems {
            fields.append(DataFormField(variable: "pubsub#persist_items", values: [XSBoolean.text(persistItems)]))
        }
        return DataForm(type: .submit, formType: IoTNamespace.pubsubNodeConfig, fields: fields)
    }

    /// The owner's request for the current configuration.
    public static func requestIQ(node: String, id: String, service: JID? = nil) -> IQ {
        IQ(kind: .get, id: id, to: service, payload: .make("pubsub", IoTNamespace.pubsubOwner, [], [
            .make("configure", IoTNamespace.pubsubOwner, [("node", node)]),
        ]))
    }

    /// A request to create the node with this configuration (XEP-0060 §8.1.3).
    public func createIQ(node: String, id: String, service: JID? = nil) -> IQ {
        IQ(kind: .set, id: id, to: service, payload: .make("pubsub", IoTNamespace.pubsub, [], [
            .make("create", IoTNamespace.pubsub, [("node", node)]),
            .make("configure", IoTNamespace.pubsub, [], [form.element]),
        ]))
    }

    /// The owner's request to apply this configuration.
    public func configureIQ(node: String, id: String, service: JID? = nil) -> IQ {
        IQ(kind: .set, id: id, to: service, payload: .make("pubsub", IoTNamespace.pubsubOwner, [], [
            .make("configure", IoTNamespace.pubsubOwner, [("node", node)], [form.element]),
        ]))
    }
}
