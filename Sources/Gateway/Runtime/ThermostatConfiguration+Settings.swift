extension ThermostatConfiguration {
    /// The controller's settings for this installation; users start from `heat` at the
    /// default setpoint until they choose otherwise (then the persisted target wins).
    var settings: ThermostatSettings {
        var outputs: Set<ThermostatOutputKind> = [.heat]
        if cool != nil { outputs.insert(.cool) }
        let safe: ThermostatSafeState = switch safeState {
        case .off: .off
        case .heat: .heat
        case .cool: .cool
        }
        return ThermostatSettings(
            outputs: outputs, setpointRange: setpointRange, minimumOnTime: minimumOnTime, minimumOffTime: minimumOffTime,
            maximumRunTime: maximumRunTime, presets: presets, safeState: safe,
            initialTarget: ThermostatTarget(mode: .heat, setpoint: defaultSetpoint, hysteresis: hysteresis))
    }
}
