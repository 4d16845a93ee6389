import XMPPClient

/// A settable (or read-only) parameter as the device model declares it: its type, limits
/// and choices. Every path that sets values — XEP-0325, ad-hoc forms, chat — validates
/// through ``validate(_:)`` so the same rules and messages apply everywhere.
public struct ControlParameter: Sendable, Hashable {
    public var name: String
    public var type: ControlParameterType
    /// For forms and chat; the name when nil.
    public var label: String?
    /// The unit of the XEP-0323 field of the same name (`°C`); a `double` carries none.
    public var unit: String
    public var minimum: Double?
    public var maximum: Double?
    /// Decimals to show limits and values with; shortest form when nil.
    public var decimals: Int?
    /// Allowed values of a `string` parameter that is an enumeration; empty = free text.
    public var choices: [String]
    public var writable: Bool
    /// The value now, to fill forms and chat replies.
    public var currentValue: ControlValue?

    public init(name: String, type: ControlParameterType, label: String? = nil, unit: String = "",
                minimum: Double? = nil, maximum: Double? = nil, decimals: Int? = nil, choices: [String] = [],
                writable: Bool = true, currentValue: ControlValue? = nil) {
        self.name = name
        self.type = type
        self.label = label
        self.unit = unit
        self.minimum = minimum
        self.maximum = maximum
        self.decimals = decimals
        self.choices = choices
        self.writable = writable
        self.currentValue = currentValue
    }

    /// Checks writability, type (allowing lossless widening), range and choices; returns
    /// the value in this parameter's type.
    public func validate(_ value: ControlValue) throws(ControlParameterError) -> ControlValue {
        guard writable else { throw error(.readOnly) }
        guard let typed = value.widened(to: type) else { throw error(.wrongType(expected: type, got: value.type)) }
        if let number = typed.number {
            if let minimum, number < minimum { throw outOfRange }
            if let maximum, number > maximum { throw outOfRange }
        }
        if case .string(let text) = typed, !choices.isEmpty, !choices.contains(text) {
            throw error(.notAChoice(choices: choices))
        }
        return typed
    }

    /// Reads `text` as this parameter's type, then validates it.
    public func validate(lexical text: String) throws(ControlParameterError) -> ControlValue {
        guard let value = ControlValue(lexical: text, type: type) else {
            throw error(.malformed(text: text, expected: type))
        }
        return try validate(value)
    }

    /// A number as this parameter shows it: `21.5`, or `21.50` with two decimals.
    public func format(_ number: Double) -> String {
        DecimalText.text(number, decimals: decimals) ?? String(number)
    }

    /// A value of this parameter for a person: `21.5 °C`, `on`/`off`, `heat`.
    public func humanText(_ value: ControlValue) -> String {
        switch value {
        case .boolean(let flag):
            return flag ? "on" : "off"
        default:
            guard let number = value.number else { return value.lexical }
            return unit.isEmpty ? format(number) : "\(format(number)) \(unit)"
        }
    }

    /// The current value for a person, or nil when unknown.
    public var currentValueText: String? { currentValue.map(humanText) }

    private var outOfRange: ControlParameterError {
        error(.outOfRange(minimum: minimum.map(format), maximum: maximum.map(format), unit: unit))
    }

    private func error(_ reason: ControlParameterError.Reason) -> ControlParameterError {
        ControlParameterError(parameter: name, reason: reason)
    }
}
