/// What a thermostat wants after an event: the outputs to drive, what it is doing, and when to
/// call `evaluate(at:)` again if nothing else happens first (a hold ends, the maximum run time
/// or the sensor timeout comes).
public struct ThermostatDecision<Instant: InstantProtocol>: Sendable, Hashable {
    public var outputs: ThermostatOutputs
    public var activity: ThermostatActivity
    public var nextEvaluation: Instant?
}
