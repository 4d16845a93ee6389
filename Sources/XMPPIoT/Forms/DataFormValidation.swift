import XMPPClient

/// XEP-0122 validation of a form field: its datatype (`xs:decimal`, `xs:integer`, …) and
/// how values are checked.
public struct DataFormValidation: Sendable, Hashable {
    public enum Method: Sendable, Hashable {
        /// Only the datatype.
        case basic
        /// For list fields: values outside the options are allowed.
        case open
        /// Between `min` and `max` (lexical, in the datatype), either may be absent.
        case range(min: String?, max: String?)
        case regex(String)
    }

    /// xs:string when absent on the wire.
    public var datatype: String
    public var method: Method

    public init(datatype: String = "xs:string", method: Method = .basic) {
        self.datatype = datatype
        self.method = method
    }

    init(_ element: XMLElement) {
        let namespace = IoTNamespace.dataFormsValidation
        datatype = element.attribute("datatype") ?? "xs:string"
        if let range = element.element("range", namespace: namespace) {
            method = .range(min: range.attribute("min"), max: range.attribute("max"))
        } else if let regex = element.element("regex", namespace: namespace) {
            method = .regex(regex.text)
        } else if element.element("open", namespace: namespace) != nil {
            method = .open
        } else {
            method = .basic
        }
    }

    var element: XMLElement {
        let namespace = IoTNamespace.dataFormsValidation
        let child: XMLElement
        switch method {
        case .basic:
            child = .make("basic", namespace)
        case .open:
            child = .make("open", namespace)
        case .range(let min, let max):
            child = .make("range", namespace, [("min", min), ("max", max)].compactMap { name, value in value.map { (name, $0) } })
        case .regex(let pattern):
            child = .text("regex", namespace, pattern)
        }
        return .make("validate", namespace, [("datatype", datatype)], [child])
    }
}
