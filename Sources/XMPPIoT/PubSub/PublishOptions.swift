/// XEP-0060 publish-options: preconditions on the node, and its configuration when a
/// publish creates it.
///
/// Only `persist_items` and `access_model`: ejabberd before 23.10 refuses any other field
/// (`resource-constraint`), so `max_items` is set by node configuration instead
/// (``PEPNodeSetup``).
public struct PublishOptions: Sendable, Hashable {
    public var persistItems: Bool
    public var accessModel: PubSubAccessModel

    public init(persistItems: Bool = true, accessModel: PubSubAccessModel = .presence) {
        self.persistItems = persistItems
        self.accessModel = accessModel
    }

    public var form: DataForm {
        DataForm(type: .submit, formType: IoTNamespace.pubsubPublishOptions, fields: [
            DataFormField(variable: "pubsub#persist_items", values: [XSBoolean.text(persistItems)]),
            DataFormField(variable: "pubsub#access_model", values: [accessModel.rawValue]),
        ])
    }
}
