/// A change or setting a thermostat refuses; the description is the sentence a user reads in
/// a chat reply or a stanza error, naming the limit.
public enum ThermostatError: Error, Sendable, Hashable, CustomStringConvertible {
    case setpointOutOfRange(Double, allowed: ClosedRange<Double>)
    case hysteresisOutOfRange(Double, allowed: ClosedRange<Double>)
    case unknownPreset(String, known: [String])
    /// The mode needs an output this thermostat has not got.
    case modeNeedsOutput(ThermostatMode, ThermostatOutputKind)
    /// The installation's settings contradict themselves.
    case invalidSettings(String)

    public var description: String {
        switch self {
        case let .setpointOutOfRange(_, allowed):
            "setpoint must be between \(allowed.lowerBound.spokenText) and \(allowed.upperBound.spokenText) °C"
        case let .hysteresisOutOfRange(_, allowed):
            "hysteresis must be between \(allowed.lowerBound.spokenText) and \(allowed.upperBound.spokenText) °C"
        case let .unknownPreset(name, known):
            "unknown preset \"\(name)\"; presets: " + (known.isEmpty ? "none" : known.joined(separator: ", "))
        case let .modeNeedsOutput(mode, output):
            "mode \(mode.rawValue) needs a \(output.noun) output, and this thermostat has none"
        case let .invalidSettings(reason):
            "invalid thermostat settings: \(reason)"
        }
    }
}
