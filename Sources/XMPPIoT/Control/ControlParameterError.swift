import XMPPClient

/// Why a value cannot be set, naming the parameter and what is allowed. It becomes a
/// stanza error with `<paramError var>` (XEP-0325 §2.3) or a chat reply.
public struct ControlParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case unknownParameter(known: [String])
        case readOnly
        case wrongType(expected: ControlParameterType, got: ControlParameterType)
        case malformed(text: String, expected: ControlParameterType)
        /// Limits as they are written for a person, with the unit.
        case outOfRange(minimum: String?, maximum: String?, unit: String)
        case notAChoice(choices: [String])
    }

    public var parameter: String
    public var reason: Reason

    public init(parameter: String, reason: Reason) {
        self.parameter = parameter
        self.reason = reason
    }

    /// A sentence for a person: `Setpoint must be between 5 and 30 °C.`
    public var description: String {
        switch reason {
        case .unknownParameter(let known):
            "There is no parameter \(parameter)" + (known.isEmpty ? "." : "; there are \(known.joined(separator: ", ")).")
        case .readOnly:
            "\(parameter) is read-only."
        case .wrongType(let expected, let got):
            "\(parameter) takes \(expected.withArticle), not \(got.withArticle)."
        case .malformed(let text, let expected):
            "'\(text)' is not \(expected.withArticle) value for \(parameter)."
        case .outOfRange(let minimum, let maximum, let unit):
            "\(parameter) must be \(Self.limits(minimum, maximum, unit))."
        case .notAChoice(let choices):
            "\(parameter) must be one of \(choices.joined(separator: ", "))."
        }
    }

    /// The short limit for `<paramError>`: `Out of range 5..30 °C`.
    var limitText: String {
        switch reason {
        case .outOfRange(let minimum, let maximum, let unit):
            "Out of range \(minimum ?? "")..\(maximum ?? "")" + (unit.isEmpty ? "" : " \(unit)")
        default:
            description
        }
    }

    private static func limits(_ minimum: String?, _ maximum: String?, _ unit: String) -> String {
        let suffix = unit.isEmpty ? "" : " \(unit)"
        switch (minimum, maximum) {
        case let (minimum?, maximum?): return "between \(minimum) and \(maximum)\(suffix)"
        case let (minimum?, nil): return "at least \(minimum)\(suffix)"
        case let (nil, maximum?): return "at most \(maximum)\(suffix)"
        case (nil, nil): return "within its range"
        }
    }

    /// The stanza condition the XEP-0325 error table gives this reason.
    public var condition: StanzaErrorCondition {
        switch reason {
        case .unknownParameter: .itemNotFound
        case .readOnly: .notAllowed
        case .wrongType, .malformed, .outOfRange, .notAChoice: .badRequest
        }
    }

    /// The request error: the condition, this sentence, and `<paramError var>` with the limit.
    public var requestError: IoTRequestError {
        IoTRequestError(condition, description,
                        applicationCondition: XMLElement("paramError", namespace: IoTNamespace.control,
                                                         attributes: ["var": parameter], children: [.text(limitText)]))
    }
}
