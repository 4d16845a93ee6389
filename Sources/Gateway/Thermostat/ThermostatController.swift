/// A thermostat's control logic as a pure state machine: temperature inputs, user changes and
/// timer ticks go in, each with the instant it happens; the outputs to drive come out. No
/// clock is read and nothing sleeps, so every cycle limit is tested by passing instants.
///
/// Control follows the hysteresis as users mean it (anchors, pain point 5): in `heat`, heating
/// starts below `setpoint − hysteresis` and stops on reaching the setpoint; in `cool`, cooling
/// starts above `setpoint + hysteresis` and stops on reaching it; `auto` does both, so between
/// the two thresholds lies a dead band of twice the hysteresis and heating and cooling are
/// never on together.
///
/// Every switch goes through the outputs' cycle limits, including mode `off` and the sensor
/// failsafe: `off` ends demand at once, but an output switched on less than the minimum on
/// time ago stays on until that time is up (the readout says so). Letting user commands bypass
/// the limits is how short-cycling thermostats damage compressors and burners; the longest
/// `off` can wait is the minimum on time.
public struct ThermostatController<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    private struct Reading: Sendable, Hashable {
        var value: Double
        var time: Instant
    }

    public let settings: ThermostatSettings
    public private(set) var target: ThermostatTarget
    /// The last decision; its outputs are what the relays are driven to.
    public private(set) var decision: ThermostatDecision<Instant>
    private var heater: CycleLimitedOutput<Instant>
    private var cooler: CycleLimitedOutput<Instant>
    private var reading: Reading?
    /// Why the input last said it was unusable; cleared by the next reading.
    private var inputFault: String?
    /// What kept the thermostat from control at the last evaluation.
    private var fault: String?
    private var holds: [(output: ThermostatOutputKind, hold: OutputHold<Instant>)] = []
    private var outputsSince: Instant

    /// A controller for relays found in the state `outputs` at `now` (read back at start):
    /// their minimum times count from `now`, so a restart never toggles a relay early.
    public init(
        settings: ThermostatSettings, target: ThermostatTarget, outputs: ThermostatOutputs, at now: Instant
    ) throws(ThermostatError) {
        try settings.check()
        try target.check(against: settings)
        self.settings = settings
        self.target = target
        heater = CycleLimitedOutput(isOn: outputs.heat, since: now)
        cooler = CycleLimitedOutput(isOn: outputs.cool, since: now)
        outputsSince = now
        decision = ThermostatDecision(outputs: outputs, activity: .idle, nextEvaluation: nil)
        evaluate(at: now)
    }

    /// Takes a temperature input received at `now`.
    @discardableResult
    public mutating func receive(_ input: TemperatureInput<Instant>, at now: Instant) -> ThermostatDecision<Instant> {
        switch input {
        case let .reading(value, time) where value.isFinite:
            reading = Reading(value: value, time: time)
            inputFault = nil
        case .reading:
            inputFault = "sensor failed (not a number)"
        case let .stale(reason):
            inputFault = "sensor stale (\(reason))"
        case let .failed(reason):
            inputFault = "sensor failed (\(reason))"
        }
        return evaluate(at: now)
    }

    /// Applies a user's change; throws without changing anything when the change is refused.
    @discardableResult
    public mutating func apply(_ change: ThermostatChange, at now: Instant) throws(ThermostatError) -> ThermostatDecision<Instant> {
        target = try target.applying(change, settings: settings)
        return evaluate(at: now)
    }

    /// Decides the outputs at `now`; called for every event and at `decision.nextEvaluation`.
    @discardableResult
    public mutating func evaluate(at now: Instant) -> ThermostatDecision<Instant> {
        fault = target.mode == .off ? nil : currentFault(at: now)
        let demand = demand()
        holds = []
        // Switch off before switching on, so that a change from heating to cooling can happen in
        // one step once the limits allow, and an output starts only while the other is off.
        if !demand.heat, let hold = heater.request(false, at: now, settings: settings) {
            holds.append((.heat, hold))
        }
        if !demand.cool, let hold = cooler.request(false, at: now, settings: settings) {
            holds.append((.cool, hold))
        }
        if demand.heat, !cooler.isOn, let hold = heater.request(true, at: now, settings: settings) {
            holds.append((.heat, hold))
        }
        if demand.cool, !heater.isOn, let hold = cooler.request(true, at: now, settings: settings) {
            holds.append((.cool, hold))
        }
        let outputs = ThermostatOutputs(heat: heater.isOn, cool: cooler.isOn)
        if outputs != decision.outputs {
            outputsSince = now
        }
        decision = ThermostatDecision(outputs: outputs, activity: activity(at: now), nextEvaluation: nextEvaluation(after: now))
        return decision
    }

    /// The state to publish at `now`.
    public func readout(at now: Instant) -> ThermostatReadout {
        ThermostatReadout(
            temperature: reading?.value,
            setpoint: target.setpoint,
            mode: target.mode,
            preset: target.preset,
            hysteresis: target.hysteresis,
            heating: heater.isOn,
            cooling: cooler.isOn,
            activity: activity(at: now),
            timeInState: outputsSince.duration(to: now)
        )
    }

    private func currentFault(at now: Instant) -> String? {
        if let inputFault {
            return inputFault
        }
        guard let reading else { return "no temperature reading yet" }
        if now >= reading.time.advanced(by: settings.sensorTimeout) {
            return "sensor stale (no reading for \(settings.sensorTimeout.spokenText))"
        }
        return nil
    }

    /// The outputs control asks for, before the cycle limits. The state an output is in is
    /// the hysteresis memory: once on, it is asked to stay on until the setpoint is reached.
    private func demand() -> ThermostatOutputs {
        guard target.mode != .off else { return .off }
        guard fault == nil, let temperature = reading?.value else { return settings.safeState.outputs }
        let outputs = target.mode.outputs
        return ThermostatOutputs(
            heat: outputs.contains(.heat)
                && temperature < (heater.isOn ? target.setpoint : target.setpoint - target.hysteresis),
            cool: outputs.contains(.cool)
                && temperature > (cooler.isOn ? target.setpoint : target.setpoint + target.hysteresis)
        )
    }

    private func activity(at now: Instant) -> ThermostatActivity {
        let activity: ThermostatActivity
        if let first = holds.first {
            let left = max(now.duration(to: first.hold.until), .zero)
            activity = switch first.hold {
            case .minimumOnTime: .holdingOn(first.output, left: left)
            case .minimumOffTime: .waitingToStart(first.output, left: left)
            case .rest: .resting(first.output, left: left)
            }
        } else if heater.isOn {
            activity = .heating
        } else if cooler.isOn {
            activity = .cooling
        } else {
            activity = target.mode == .off ? .off : .idle
        }
        guard let fault else { return activity }
        return .failsafe(reason: fault, then: activity)
    }

    private func nextEvaluation(after now: Instant) -> Instant? {
        var instants = holds.map(\.hold.until)
        instants += [heater.runLimit(settings: settings), cooler.runLimit(settings: settings)].compactMap { $0 }
        if inputFault == nil, let reading {
            instants.append(reading.time.advanced(by: settings.sensorTimeout))
        }
        return instants.filter { $0 > now }.min()
    }
}
