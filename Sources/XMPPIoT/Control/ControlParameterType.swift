/// The XEP-0325 parameter types, named as their elements.
public enum ControlParameterType: String, Sendable, Hashable, CaseIterable {
    case boolean, color, date, dateTime, double, duration, int, long, string, time

    /// The type an element name stands for; Smack writes `<bool>` for `<boolean>`.
    init?(elementName: String) {
        self.init(rawValue: elementName == "bool" ? "boolean" : elementName)
    }

    /// The XEP-0122 datatype a form field of this type declares.
    var formDatatype: String {
        switch self {
        case .boolean: "xs:boolean"
        case .double: "xs:decimal"
        case .int: "xs:int"
        case .long: "xs:long"
        case .date: "xs:date"
        case .time: "xs:time"
        case .dateTime: "xs:dateTime"
        case .duration: "xs:duration"
        case .color, .string: "xs:string"
        }
    }

    /// `a double`, `an int`: for error messages.
    var withArticle: String {
        switch self {
        case .int: "an int"
        default: "a \(rawValue)"
        }
    }
}
