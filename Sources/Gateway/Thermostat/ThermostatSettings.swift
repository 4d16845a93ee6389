/// What an installation fixes about a thermostat: which outputs it has, the ranges users may
/// choose from, the cycle limits that protect the heater or compressor, the presets, and what
/// happens when the temperature input is lost. The configuration maps onto this; users change
/// only the `ThermostatTarget`.
public struct ThermostatSettings: Sendable, Hashable {
    /// The outputs wired to this thermostat; modes needing another are refused.
    public var outputs: Set<ThermostatOutputKind>
    /// °C a setpoint (or preset) may take.
    public var setpointRange: ClosedRange<Double>
    /// °C the hysteresis may take; its lower bound must be above zero.
    public var hysteresisRange: ClosedRange<Double>
    /// Once switched on, an output stays on at least this long, whatever is asked of it.
    public var minimumOnTime: Duration
    /// Once switched off, an output stays off at least this long, whatever is asked of it.
    public var minimumOffTime: Duration
    /// An output on this long is switched off and rests for `minimumOffTime`; `nil`: no limit.
    public var maximumRunTime: Duration?
    /// A reading older than this is stale: the outputs go to `safeState`.
    public var sensorTimeout: Duration
    /// Named setpoints in °C, such as `eco` and `comfort`.
    public var presets: [String: Double]
    public var safeState: ThermostatSafeState
    /// Mode, setpoint and hysteresis when nothing was persisted (first start, unreadable file).
    public var initialTarget: ThermostatTarget

    public init(
        outputs: Set<ThermostatOutputKind> = [.heat],
        setpointRange: ClosedRange<Double> = 5...28,
        hysteresisRange: ClosedRange<Double> = 0.1...5,
        minimumOnTime: Duration = .seconds(180),
        minimumOffTime: Duration = .seconds(180),
        maximumRunTime: Duration? = nil,
        sensorTimeout: Duration = .seconds(300),
        presets: [String: Double] = ["eco": 17, "comfort": 21.5],
        safeState: ThermostatSafeState = .off,
        initialTarget: ThermostatTarget = ThermostatTarget()
    ) {
        self.outputs = outputs
        self.setpointRange = setpointRange
        self.hysteresisRange = hysteresisRange
        self.minimumOnTime = minimumOnTime
        self.minimumOffTime = minimumOffTime
        self.maximumRunTime = maximumRunTime
        self.sensorTimeout = sensorTimeout
        self.presets = presets
        self.safeState = safeState
        self.initialTarget = initialTarget
    }

    /// Throws the first inconsistency: an empty or non-finite range, a hysteresis that may be
    /// zero, negative times, a maximum run time shorter than the minimum on time, a preset or
    /// initial target outside the ranges, a safe state needing a missing output.
    public func check() throws(ThermostatError) {
        guard !outputs.isEmpty else { throw .invalidSettings("a thermostat needs a heating or a cooling output") }
        guard setpointRange.lowerBound.isFinite, setpointRange.upperBound.isFinite,
            setpointRange.lowerBound < setpointRange.upperBound
        else { throw .invalidSettings("the setpoint range must be two finite numbers, low below high") }
        guard hysteresisRange.lowerBound > 0, hysteresisRange.upperBound.isFinite else {
            throw .invalidSettings("the hysteresis range must lie above 0 °C")
        }
        guard minimumOnTime >= .zero, minimumOffTime >= .zero else {
            throw .invalidSettings("minimum on and off times may not be negative")
        }
        guard sensorTimeout > .zero else { throw .invalidSettings("the sensor timeout must be above zero") }
        if let maximumRunTime, maximumRunTime <= .zero || maximumRunTime < minimumOnTime {
            throw .invalidSettings(
                "the maximum run time (\(maximumRunTime.spokenText)) must be at least the minimum on time (\(minimumOnTime.spokenText))"
            )
        }
        for (name, setpoint) in presets.sorted(by: { $0.key < $1.key }) where !setpointRange.contains(setpoint) {
            throw .invalidSettings(
                "preset \(name) (\(setpoint.spokenText) °C) lies outside the setpoint range \(setpointRange.lowerBound.spokenText)–\(setpointRange.upperBound.spokenText) °C"
            )
        }
        for output in safeState.outputs.kinds where !outputs.contains(output) {
            throw .invalidSettings("safe state \(safeState.rawValue) needs a \(output.noun) output")
        }
        do {
            try initialTarget.check(against: self)
        } catch {
            throw .invalidSettings("initial target: \(error)")
        }
    }
}
