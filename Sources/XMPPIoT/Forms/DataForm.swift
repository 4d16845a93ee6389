import XMPPClient

/// A XEP-0004 data form (`<x xmlns='jabber:x:data'>`) with XEP-0122 validation on its
/// fields: control forms, ad-hoc command stages, publish-options, node configuration and
/// the extended disco info that enters the caps hash.
public struct DataForm: Sendable, Hashable {
    public var type: DataFormType
    public var title: String?
    public var instructions: [String]
    public var fields: [DataFormField]

    public init(type: DataFormType, title: String? = nil, instructions: [String] = [], fields: [DataFormField] = []) {
        self.type = type
        self.title = title
        self.instructions = instructions
        self.fields = fields
    }

    /// A form whose first field is the hidden `FORM_TYPE` naming its kind.
    public init(type: DataFormType, formType: String, fields: [DataFormField]) {
        self.init(type: type, fields: [DataFormField(variable: "FORM_TYPE", type: .hidden, values: [formType])] + fields)
    }

    /// The value of the hidden `FORM_TYPE` field, if any.
    public var formType: String? { field("FORM_TYPE")?.value }

    public func field(_ variable: String) -> DataFormField? {
        fields.first { $0.variable == variable }
    }

    /// The first value of the field `variable`.
    public func value(_ variable: String) -> String? { field(variable)?.value }

    public init(_ element: XMLElement) throws(IoTRequestError) {
        let namespace = IoTNamespace.dataForms
        guard element.name == "x", element.namespace == namespace else {
            throw .badRequest("Expected <x xmlns='\(namespace)'>.")
        }
        guard let typeText = element.attribute("type"), let type = DataFormType(rawValue: typeText) else {
            throw .badRequest("A data form needs a type of form, submit, cancel or result.")
        }
        var fields: [DataFormField] = []
        for field in element.elements("field", namespace: namespace) { fields.append(try DataFormField(field)) }
        self.init(type: type, title: element.element("title", namespace: namespace)?.text,
                  instructions: element.elements("instructions", namespace: namespace).map(\.text), fields: fields)
    }

    public var element: XMLElement {
        let namespace = IoTNamespace.dataForms
        var children: [XMLElement] = []
        if let title { children.append(.text("title", namespace, title)) }
        children += instructions.map { .text("instructions", namespace, $0) }
        children += fields.map(\.element)
        return .make("x", namespace, [("type", type.rawValue)], children)
    }
}
