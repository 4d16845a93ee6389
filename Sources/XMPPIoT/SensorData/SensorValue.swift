import FoundationEssentials
import XMPPClient

/// The typed value of a sensor field: one case per XEP-0323 value element.
public enum SensorValue: Sendable, Hashable {
    case numeric(NumericValue)
    case boolean(Bool)
    case string(String)
    /// A value of a named enumeration (`dataType`, e.g. `gw.ThermostatMode`).
    case enumeration(String, dataType: String)
    case int(Int32)
    case long(Int64)
    case dateTime(Date)
    /// xs:date and xs:time, in lexical form (`2025-03-01`, `08:00:00`).
    case date(String)
    case time(String)
    case duration(XSDuration)

    /// The element name and the attributes after `name` and the flags: `value`, then
    /// `unit` or `dataType`. slixmpp drops `int`, `long`, `date`, `time` and `duration`
    /// fields, so to it they go as `numeric`, `string` and `timeSpan`.
    func wireShape(for dialect: SensorDataDialect) -> (name: String, attributes: [XMLAttributePair]) {
        let legacy = dialect == .slixmpp
        switch self {
        case .numeric(let number): return ("numeric", [("value", number.lexical), ("unit", number.unit)])
        case .boolean(let flag): return ("boolean", [("value", XSBoolean.text(flag))])
        case .string(let text): return ("string", [("value", text)])
        case .enumeration(let text, let dataType): return ("enum", [("value", text), ("dataType", dataType)])
        case .int(let number):
            return legacy ? ("numeric", [("value", String(number)), ("unit", "")]) : ("int", [("value", String(number))])
        case .long(let number):
            return legacy ? ("numeric", [("value", String(number)), ("unit", "")]) : ("long", [("value", String(number))])
        case .dateTime(let date): return ("dateTime", [("value", XSDateTime.text(date))])
        case .date(let text): return (legacy ? "string" : "date", [("value", text)])
        case .time(let text): return (legacy ? "string" : "time", [("value", text)])
        case .duration(let duration): return (legacy ? "timeSpan" : "duration", [("value", duration.lexical)])
        }
    }

    /// Reads a value element; nil when the element is not a value element at all.
    /// `timeSpan` (v0.2) is read as `duration`.
    static func parse(_ element: XMLElement) throws(IoTRequestError) -> SensorValue? {
        let names: Set<String> = ["numeric", "boolean", "string", "enum", "int", "long", "dateTime", "date", "time",
                                  "duration", "timeSpan"]
        guard names.contains(element.name) else { return nil }
        guard let text = element.attribute("value") else {
            throw .badRequest("The \(element.name) field '\(element.attribute("name") ?? "")' has no value.")
        }
        let invalid = IoTRequestError.badRequest("'\(text)' is not a valid \(element.name) value.")
        switch element.name {
        case "numeric":
            guard let number = NumericValue(lexical: text, unit: element.attribute("unit") ?? "") else { throw invalid }
            return .numeric(number)
        case "boolean":
            guard let flag = XSBoolean.parse(text) else { throw invalid }
            return .boolean(flag)
        case "string": return .string(text)
        case "enum": return .enumeration(text, dataType: element.attribute("dataType") ?? "")
        case "int":
            guard let number = Int32(text.trimmingWhitespace()) else { throw invalid }
            return .int(number)
        case "long":
            guard let number = Int64(text.trimmingWhitespace()) else { throw invalid }
            return .long(number)
        case "dateTime":
            guard let stamp = XSDateTime(lexical: text) else { throw invalid }
            return .dateTime(stamp.date)
        case "date":
            guard XSCalendarText.isDate(text) else { throw invalid }
            return .date(text.trimmingWhitespace())
        case "time":
            guard XSCalendarText.isTime(text) else { throw invalid }
            return .time(text.trimmingWhitespace())
        default:
            guard let duration = XSDuration(lexical: text) else { throw invalid }
            return .duration(duration)
        }
    }

    /// The value for a person: `21.40 °C`, `on`/`off` for booleans, the text otherwise.
    public var humanText: String {
        switch self {
        case .numeric(let number): number.humanText
        case .boolean(let flag): flag ? "on" : "off"
        case .string(let text), .enumeration(let text, _), .date(let text), .time(let text): text
        case .int(let number): String(number)
        case .long(let number): String(number)
        case .dateTime(let date): XSDateTime.text(date)
        case .duration(let duration): duration.lexical
        }
    }
}
