/// A thermostat's state as its device readout publishes it.
public struct ThermostatReadout: Sendable, Hashable {
    /// °C, the last reading, kept (and marked by `activity`) when the input goes stale.
    public var temperature: Double?
    public var setpoint: Double
    public var mode: ThermostatMode
    public var preset: String?
    public var hysteresis: Double
    public var heating: Bool
    public var cooling: Bool
    public var activity: ThermostatActivity
    /// How long the outputs have been as they are.
    public var timeInState: Duration

    /// `heating`, `idle`, `holding heat on (min on time, 2 min left)`, `failsafe: …`.
    public var state: String {
        activity.description
    }
}
