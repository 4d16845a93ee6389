import Drivers

/// Why a parameter was not set. Every case reads as a sentence a person can act on, and the
/// XEP-0325 `paramError`, the ad-hoc form note and the chat reply all use it.
public enum ControlRefusal: Error, Sendable, Hashable {
    case unknownParameter(String, known: [String])
    case readOnly(String)
    case wrongType(String, expected: FieldType)
    case outOfRange(String, value: Double, range: ClosedRange<Double>, unit: String?)
    case notAChoice(String, value: String, choices: [String])
    /// The value was fine; the device could not apply it.
    case deviceFailed(String, reason: String)

    /// The parameter the refusal is about.
    public var parameter: String {
        switch self {
        case let .unknownParameter(name, _), let .readOnly(name), let .wrongType(name, _),
            let .outOfRange(name, _, _, _), let .notAChoice(name, _, _), let .deviceFailed(name, _):
            name
        }
    }
}

extension ControlRefusal: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .unknownParameter(name, known):
            known.isEmpty
                ? "there is no parameter \(name); nothing here can be set"
                : "there is no parameter \(name); settable: \(known.joined(separator: ", "))"
        case let .readOnly(name):
            "\(name) can be read but not set"
        case let .wrongType(name, expected):
            "\(name) must be \(expected.article)"
        case let .outOfRange(name, _, range, unit):
            "\(name) must be between \(range.lowerBound.spokenText) and \(range.upperBound.spokenText)"
                + (unit.map { " \($0)" } ?? "")
        case let .notAChoice(name, _, choices):
            "\(name) must be one of \(choices.joined(separator: ", "))"
        case let .deviceFailed(name, reason):
            "\(name) was not set: \(reason)"
        }
    }
}

extension FieldType {
    /// The type as a person says it after "must be".
    var article: String {
        switch self {
        case .numeric: "a number"
        case .int: "a whole number"
        case .boolean: "on or off"
        case .string: "text"
        case .enum: "one of its choices"
        }
    }
}
