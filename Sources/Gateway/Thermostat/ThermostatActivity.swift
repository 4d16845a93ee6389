/// What a thermostat is doing and why, for its readout and presence status.
public enum ThermostatActivity: Sendable, Hashable, CustomStringConvertible {
    /// Mode off, outputs off.
    case off
    /// In control, nothing needed.
    case idle
    case heating
    case cooling
    /// An output the controller wants off stays on for its minimum on time.
    case holdingOn(ThermostatOutputKind, left: Duration)
    /// An output the controller wants on stays off for its minimum off time.
    case waitingToStart(ThermostatOutputKind, left: Duration)
    /// An output reached its maximum run time and rests before it may start again.
    case resting(ThermostatOutputKind, left: Duration)
    /// The temperature input is stale or failed; the outputs follow the safe state, and `then`
    /// says what they are doing.
    indirect case failsafe(reason: String, then: ThermostatActivity)

    public var description: String {
        switch self {
        case .off: "off"
        case .idle: "idle"
        case .heating: "heating"
        case .cooling: "cooling"
        case let .holdingOn(output, left):
            "holding \(output.rawValue) on (min on time, \(left.spokenText) left)"
        case let .waitingToStart(output, left):
            "waiting to \(output.rawValue) (min off time, \(left.spokenText) left)"
        case let .resting(output, left):
            "resting \(output.rawValue) (max run time reached, \(left.spokenText) left)"
        case let .failsafe(reason, then):
            switch then {
            case .off, .idle: "failsafe: \(reason)"
            default: "failsafe: \(reason); \(then)"
            }
        }
    }
}
