import FoundationEssentials
import XMPPClient

/// A typed XEP-0325 parameter value.
public enum ControlValue: Sendable, Hashable {
    case boolean(Bool)
    case color(ControlColor)
    /// xs:date and xs:time in lexical form.
    case date(String)
    case time(String)
    case dateTime(XSDateTime)
    case double(Double)
    case duration(XSDuration)
    case int(Int32)
    case long(Int64)
    /// Strings, and enumerations (XEP-0325 has no enum type).
    case string(String)

    public var type: ControlParameterType {
        switch self {
        case .boolean: .boolean
        case .color: .color
        case .date: .date
        case .time: .time
        case .dateTime: .dateTime
        case .double: .double
        case .duration: .duration
        case .int: .int
        case .long: .long
        case .string: .string
        }
    }

    /// Reads the lexical form of `type`; nil when `text` is not one. Non-finite doubles are
    /// refused: no physical parameter takes `INF` or `NaN`.
    public init?(lexical text: String, type: ControlParameterType) {
        let trimmed = text.trimmingWhitespace()
        switch type {
        case .boolean:
            guard let flag = XSBoolean.parse(trimmed) else { return nil }
            self = .boolean(flag)
        case .color:
            guard let color = ControlColor(lexical: trimmed) else { return nil }
            self = .color(color)
        case .date:
            guard XSCalendarText.isDate(trimmed) else { return nil }
            self = .date(trimmed)
        case .time:
            guard XSCalendarText.isTime(trimmed) else { return nil }
            self = .time(trimmed)
        case .dateTime:
            guard let stamp = XSDateTime(lexical: trimmed) else { return nil }
            self = .dateTime(stamp)
        case .double:
            guard let number = Double(trimmed), number.isFinite else { return nil }
            self = .double(number)
        case .duration:
            guard let duration = XSDuration(lexical: trimmed) else { return nil }
            self = .duration(duration)
        case .int:
            guard let number = Int32(trimmed) else { return nil }
            self = .int(number)
        case .long:
            guard let number = Int64(trimmed) else { return nil }
            self = .long(number)
        case .string:
            self = .string(text)
        }
    }

    public var lexical: String {
        switch self {
        case .boolean(let flag): XSBoolean.text(flag)
        case .color(let color): color.lexical
        case .date(let text), .time(let text), .string(let text): text
        case .dateTime(let stamp): stamp.lexical
        case .double(let number): DecimalText.text(number) ?? "0"
        case .duration(let duration): duration.lexical
        case .int(let number): String(number)
        case .long(let number): String(number)
        }
    }

    /// The number, for the numeric types.
    public var number: Double? {
        switch self {
        case .double(let number): number
        case .int(let number): Double(number)
        case .long(let number): Double(number)
        default: nil
        }
    }

    /// The same value as `type`, when that loses nothing: int → long → double (within
    /// 2^53), and nothing else.
    func widened(to type: ControlParameterType) -> ControlValue? {
        if type == self.type { return self }
        switch (self, type) {
        case (.int(let number), .long): return .long(Int64(number))
        case (.int(let number), .double): return .double(Double(number))
        case (.long(let number), .double) where number.magnitude <= 1 << 53: return .double(Double(number))
        default: return nil
        }
    }

    /// `<double name='Setpoint' value='21.5'/>`.
    public func element(name: String) -> XMLElement {
        .make(type.rawValue, IoTNamespace.control, [("name", name), ("value", lexical)])
    }
}
