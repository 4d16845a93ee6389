/// What a thermostat is asked to do with its outputs.
public enum ThermostatMode: String, Sendable, Hashable, CaseIterable {
    /// No demand: both outputs switch off (once their minimum on time has passed).
    case off
    /// Heat when the room is below the setpoint by more than the hysteresis; never cool.
    case heat
    /// Cool when the room is above the setpoint by more than the hysteresis; never heat.
    case cool
    /// Heat or cool, whichever the room needs, with a dead band between them.
    case auto
}
