/// Control forms: a device's parameters as a XEP-0004 form with XEP-0122 validation (for
/// `<getForm>` and ad-hoc commands), and a submitted form read back into settings.
public enum ControlForm {
    /// One field per writable parameter, in the order they should be written, each with its
    /// datatype and range and the current value filled in.
    public static func form(parameters: [ControlParameter], title: String? = nil, instructions: [String] = [],
                            required: Set<String> = []) -> DataForm {
        DataForm(type: .form, title: title, instructions: instructions,
                 fields: parameters.filter(\.writable).map { field(for: $0, required: required.contains($0.name)) })
    }

    static func field(for parameter: ControlParameter, required: Bool) -> DataFormField {
        let label = parameter.unit.isEmpty
            ? parameter.label ?? parameter.name
            : "\(parameter.label ?? parameter.name) (\(parameter.unit))"
        let method: DataFormValidation.Method
        if parameter.minimum != nil || parameter.maximum != nil {
            method = .range(min: parameter.minimum.map(parameter.format), max: parameter.maximum.map(parameter.format))
        } else if parameter.type == .color {
            method = .regex("^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$")
        } else {
            method = .basic
        }
        let isChoice = parameter.type == .string && !parameter.choices.isEmpty
        let type: DataFormFieldType = parameter.type == .boolean ? .boolean : isChoice ? .listSingle : .textSingle
        return DataFormField(
            variable: parameter.name, type: type, label: label, required: required,
            values: parameter.currentValue.map { [$0.lexical] } ?? [],
            options: isChoice ? parameter.choices.map { DataFormOption(label: capitalized($0), value: $0) } : [],
            validation: DataFormValidation(datatype: parameter.type.formDatatype, method: method))
    }

    /// The settings a submitted form asks for, validated: only fields that carry a value
    /// (an untouched optional field changes nothing), `FORM_TYPE` and other hidden fields
    /// skipped. Clients may ignore validation, so everything is checked again here.
    public static func settings(from form: DataForm, parameters: [ControlParameter])
        throws(ControlParameterError) -> [ControlSetting]
    {
        var result: [ControlSetting] = []
        for field in form.fields {
            guard let name = field.variable, field.type != .hidden, name != "FORM_TYPE",
                  let text = field.value else { continue }
            guard let parameter = parameters.first(where: { $0.name == name }) else {
                throw ControlParameterError(parameter: name,
                                            reason: .unknownParameter(known: parameters.filter(\.writable).map(\.name)))
            }
            result.append(ControlSetting(name: name, value: try parameter.validate(lexical: text)))
        }
        return result
    }

    private static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
