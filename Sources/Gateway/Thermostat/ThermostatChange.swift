/// One change a user asks of a thermostat (XEP-0325 set, chat command, ad-hoc form).
public enum ThermostatChange: Sendable, Hashable {
    case mode(ThermostatMode)
    /// °C; clears the active preset.
    case setpoint(Double)
    /// Sets the setpoint to the named preset's.
    case preset(String)
    /// °C.
    case hysteresis(Double)
}
