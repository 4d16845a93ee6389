import Drivers
import FoundationEssentials
import Logging

/// A thermostat as a device: the pure `ThermostatController` fed from another device's
/// temperature field, driving other devices' switch parameters, with its target persisted
/// so a restart resumes the last mode and setpoint. Its readout and parameters are those of
/// the `thermostat` model, with the installation's setpoint range and presets.
public actor ThermostatDevice: GatewayDevice {
    public nonisolated let id: String
    public nonisolated let model: DeviceModel
    public nonisolated let updates: AsyncStream<DeviceUpdate>
    private let continuation: AsyncStream<DeviceUpdate>.Continuation
    private let parts: ThermostatParts
    private let stateFile: ThermostatStateFile
    private let logger: Logger
    private var controller: ThermostatController<ContinuousClock.Instant>
    private var driven: ThermostatOutputs
    private var published: [String: FieldValue] = [:]
    private var health: DeviceHealth = .starting

    public init(
        id: String, model: DeviceModel, settings: ThermostatSettings, parts: ThermostatParts,
        stateFile: ThermostatStateFile, logger: Logger
    ) async throws(ThermostatError) {
        self.id = id
        self.model = Self.model(model, fitting: settings)
        self.parts = parts
        self.stateFile = stateFile
        self.logger = logger
        (updates, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        let (target, problem) = stateFile.restore(settings: settings)
        if let problem { logger.warning("thermostat \(id): \(problem); starting from the configured target") }
        // The relays as they are now: their minimum times count from here, so a restart never
        // toggles one early.
        let outputs = ThermostatOutputs(
            heat: await Self.switchState(parts.heat), cool: await Self.switchState(parts.cool))
        driven = outputs
        controller = try ThermostatController(settings: settings, target: target, outputs: outputs, at: .now)
    }

    public func snapshot(at now: ContinuousClock.Instant) -> DeviceSnapshot {
        let values = fieldValues(at: now)
        let wallNow = Date()
        let fields = model.fields.map { field in
            FieldState(field: field, value: values[field.name], measuredAt: values[field.name] == nil ? nil : wallNow,
                       freshness: values[field.name] == nil ? .missing : .current)
        }
        let target = controller.target
        var parameters: [String: FieldValue] = [
            "mode": .text(target.mode.rawValue), "setpoint": .number(target.setpoint), "hysteresis": .number(target.hysteresis),
        ]
        if let preset = target.preset { parameters["preset"] = .text(preset) }
        return DeviceSnapshot(fields: fields, parameters: parameters, health: health)
    }

    public func set(_ parameter: String, to value: FieldValue) async throws(ControlRefusal) {
        let checked = try ParameterCheck.check(value, for: parameter, in: model)
        let change: ThermostatChange
        switch (parameter, checked) {
        case let ("mode", .text(word)):
            guard let mode = ThermostatMode(rawValue: word) else { throw .notAChoice(parameter, value: word, choices: ThermostatMode.allCases.map(\.rawValue)) }
            change = .mode(mode)
        case let ("setpoint", .number(setpoint)): change = .setpoint(setpoint)
        case let ("hysteresis", .number(hysteresis)): change = .hysteresis(hysteresis)
        case let ("preset", .text(name)): change = .preset(name)
        default: throw .unknownParameter(parameter, known: model.parameters.filter(\.isWritable).map(\.name))
        }
        let now = ContinuousClock.now
        do {
            try controller.apply(change, at: now)
        } catch {
            throw .deviceFailed(parameter, reason: error.description)
        }
        do {
            try stateFile.save(controller.target)
        } catch {
            logger.error("thermostat \(id): the new target is applied but not persisted: \(error)")
        }
        await drive(at: now)
    }

    /// Follows the temperature input and drives the outputs until cancelled; outputs go to
    /// their safe state (off) when the task ends.
    public func run() async {
        let clock = ContinuousClock()
        while !Task.isCancelled {
            let now = clock.now
            await step(at: now)
            let next = controller.decision.nextEvaluation.map { min($0, now + .seconds(1)) } ?? now + .seconds(1)
            try? await clock.sleep(until: next)
        }
        continuation.finish()
    }

    /// Reads the temperature input and drives the outputs as the controller decides at `now`.
    func step(at now: ContinuousClock.Instant) async {
        await readInput(at: now)
        await drive(at: now)
    }

    private func readInput(at now: ContinuousClock.Instant) async {
        let snapshot = await parts.sensor.snapshot(at: now)
        let input: TemperatureInput<ContinuousClock.Instant>
        if case let .gone(reason) = snapshot.health {
            input = .failed(reason: reason)
        } else if case let .failing(reason) = snapshot.health {
            input = .failed(reason: reason)
        } else if let state = snapshot.field(named: parts.sensorField), let number = state.value?.number, let measuredAt = state.measuredAt {
            if case let .stale(age) = state.freshness {
                input = .stale(reason: "no \(parts.sensorField) for \(age.spokenText)")
            } else {
                let age = Date().timeIntervalSince(measuredAt)
                input = .reading(number, at: now - .milliseconds(Int64(max(0, age) * 1000)))
            }
        } else {
            input = .stale(reason: "no \(parts.sensorField) reading yet")
        }
        controller.receive(input, at: now)
    }

    /// Drives the outputs to the controller's decision and publishes what changed.
    private func drive(at now: ContinuousClock.Instant) async {
        let wanted = controller.decision.outputs
        if wanted.heat != driven.heat, let heat = parts.heat, await drive(heat, to: wanted.heat) { driven.heat = wanted.heat }
        if wanted.cool != driven.cool, let cool = parts.cool, await drive(cool, to: wanted.cool) { driven.cool = wanted.cool }
        publishChanges(at: now)
    }

    private func drive(_ output: (device: any GatewayDevice, parameter: String), to on: Bool) async -> Bool {
        do {
            try await output.device.set(output.parameter, to: .boolean(on))
            logger.info("thermostat \(id): \(output.device.id).\(output.parameter) \(on ? "on" : "off")")
            return true
        } catch {
            logger.error("thermostat \(id): cannot switch \(output.device.id).\(output.parameter): \(error)")
            return false
        }
    }

    private func fieldValues(at now: ContinuousClock.Instant) -> [String: FieldValue] {
        let readout = controller.readout(at: now)
        var values: [String: FieldValue] = [
            "setpoint": .number(readout.setpoint), "mode": .text(readout.mode.rawValue),
            "preset": .text(readout.preset ?? ""), "hysteresis": .number(readout.hysteresis),
            "heating": .boolean(driven.heat), "cooling": .boolean(driven.cool), "state": .text(readout.state),
            "time_in_state": .number(Double(readout.timeInState.components.seconds)),
        ]
        if let temperature = readout.temperature { values["temperature"] = .number(temperature) }
        return values
    }

    private func publishChanges(at now: ContinuousClock.Instant) {
        var changed: [FieldReading] = []
        for (name, value) in fieldValues(at: now).sorted(by: { $0.key < $1.key })
        where name != "time_in_state" && published[name] != value {
            published[name] = value
            changed.append(FieldReading(field: name, value: value))
        }
        if !changed.isEmpty { continuation.yield(.published(changed, measuredAt: Date())) }
        let readout = controller.readout(at: now)
        let judged: DeviceHealth
        if case let .failsafe(reason, _) = readout.activity { judged = .stale(reason: reason) } else { judged = .reading }
        if judged != health {
            health = judged
            continuation.yield(.health(judged))
        }
    }

    private static func switchState(_ output: (device: any GatewayDevice, parameter: String)?) async -> Bool {
        guard let output else { return false }
        let snapshot = await output.device.snapshot(at: .now)
        if case let .boolean(on)? = snapshot.parameters[output.parameter] ?? snapshot.field(named: output.parameter)?.value {
            return on
        }
        return false
    }

    /// The catalog model with this installation's setpoint range and presets.
    static func model(_ model: DeviceModel, fitting settings: ThermostatSettings) -> DeviceModel {
        var fitted = model
        fitted.parameters = model.parameters.map { parameter in
            var parameter = parameter
            switch parameter.name {
            case "setpoint": parameter.range = settings.setpointRange
            case "hysteresis": parameter.range = settings.hysteresisRange
            case "preset": parameter.choices = settings.presets.keys.sorted()
            case "mode":
                parameter.choices = ThermostatMode.allCases.filter { mode in
                    switch mode {
                    case .off: true
                    case .heat: settings.outputs.contains(.heat)
                    case .cool: settings.outputs.contains(.cool)
                    case .auto: settings.outputs.count == 2
                    }
                }.map(\.rawValue)
            default: break
            }
            return parameter
        }
        return fitted
    }
}
