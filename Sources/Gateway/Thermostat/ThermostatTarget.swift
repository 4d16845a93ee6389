/// What users set on a thermostat — mode, setpoint, preset and hysteresis — as opposed to
/// what the installation fixes (`ThermostatSettings`). It is persisted across restarts.
public struct ThermostatTarget: Sendable, Hashable {
    public var mode: ThermostatMode
    /// °C.
    public var setpoint: Double
    /// The preset the setpoint came from; cleared when the setpoint is set directly.
    public var preset: String?
    /// °C. Heating starts below `setpoint − hysteresis` and stops at the setpoint; cooling
    /// starts above `setpoint + hysteresis` and stops at the setpoint.
    public var hysteresis: Double

    public init(mode: ThermostatMode = .off, setpoint: Double = 20, preset: String? = nil, hysteresis: Double = 0.5) {
        self.mode = mode
        self.setpoint = setpoint
        self.preset = preset
        self.hysteresis = hysteresis
    }

    /// The target after `change`, checked against `settings`.
    public func applying(_ change: ThermostatChange, settings: ThermostatSettings) throws(ThermostatError) -> ThermostatTarget {
        var changed = self
        switch change {
        case let .mode(mode):
            changed.mode = mode
        case let .setpoint(setpoint):
            changed.setpoint = setpoint
            changed.preset = nil
        case let .preset(name):
            guard let setpoint = settings.presets[name] else {
                throw .unknownPreset(name, known: settings.presets.keys.sorted())
            }
            changed.setpoint = setpoint
            changed.preset = name
        case let .hysteresis(hysteresis):
            changed.hysteresis = hysteresis
        }
        try changed.check(against: settings)
        return changed
    }

    /// Throws the first way this target does not fit `settings`: a setpoint or hysteresis out
    /// of range, an unknown preset, a mode that needs an output the thermostat lacks.
    public func check(against settings: ThermostatSettings) throws(ThermostatError) {
        guard setpoint.isFinite, settings.setpointRange.contains(setpoint) else {
            throw .setpointOutOfRange(setpoint, allowed: settings.setpointRange)
        }
        guard hysteresis.isFinite, settings.hysteresisRange.contains(hysteresis) else {
            throw .hysteresisOutOfRange(hysteresis, allowed: settings.hysteresisRange)
        }
        if let preset, settings.presets[preset] == nil {
            throw .unknownPreset(preset, known: settings.presets.keys.sorted())
        }
        for output in mode.outputs where !settings.outputs.contains(output) {
            throw .modeNeedsOutput(mode, output)
        }
    }
}

extension ThermostatMode {
    /// The outputs the mode may switch on.
    var outputs: [ThermostatOutputKind] {
        switch self {
        case .off: []
        case .heat: [.heat]
        case .cool: [.cool]
        case .auto: [.heat, .cool]
        }
    }
}
