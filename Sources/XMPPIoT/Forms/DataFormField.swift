import XMPPClient

/// One field of a XEP-0004 form.
public struct DataFormField: Sendable, Hashable {
    /// Absent only on `fixed` fields.
    public var variable: String?
    /// Absent in submitted forms, where the receiver knows the type; text-single then.
    public var type: DataFormFieldType?
    public var label: String?
    public var description: String?
    public var required: Bool
    public var values: [String]
    public var options: [DataFormOption]
    public var validation: DataFormValidation?

    public init(variable: String?, type: DataFormFieldType? = nil, label: String? = nil, description: String? = nil,
                required: Bool = false, values: [String] = [], options: [DataFormOption] = [],
                validation: DataFormValidation? = nil) {
        self.variable = variable
        self.type = type
        self.label = label
        self.description = description
        self.required = required
        self.values = values
        self.options = options
        self.validation = validation
    }

    /// The first value, for single-valued fields.
    public var value: String? { values.first }

    init(_ element: XMLElement) throws(IoTRequestError) {
        let namespace = IoTNamespace.dataForms
        var type: DataFormFieldType?
        if let typeText = element.attribute("type") {
            guard let known = DataFormFieldType(rawValue: typeText) else {
                throw .badRequest("Unknown form field type '\(typeText)'.")
            }
            type = known
        }
        var options: [DataFormOption] = []
        for option in element.elements("option", namespace: namespace) {
            guard let value = option.element("value", namespace: namespace)?.text else {
                throw .badRequest("A form option has no value.")
            }
            options.append(DataFormOption(label: option.attribute("label"), value: value))
        }
        self.init(variable: element.attribute("var"), type: type, label: element.attribute("label"),
                  description: element.element("desc", namespace: namespace)?.text,
                  required: element.element("required", namespace: namespace) != nil,
                  values: element.elements("value", namespace: namespace).map(\.text),
                  options: options,
                  validation: element.element("validate", namespace: IoTNamespace.dataFormsValidation)
                    .map(DataFormValidation.init))
    }

    var element: XMLElement {
        let namespace = IoTNamespace.dataForms
        var attributes: [XMLAttributePair] = []
        if let variable { attributes.append(("var", variable)) }
        if let type { attributes.append(("type", type.rawValue)) }
        if let label { attributes.append(("label", label)) }
        var children: [XMLElement] = []
        if let description { children.append(.text("desc", namespace, description)) }
        if required { children.append(.make("required", namespace)) }
        children += values.map { .text("value", namespace, $0) }
        children += options.map { option in
            .make("option", namespace, option.label.map { [("label", $0)] } ?? [], [.text("value", namespace, option.value)])
        }
        if let validation { children.append(validation.element) }
        return .make("field", namespace, attributes, children)
    }
}
