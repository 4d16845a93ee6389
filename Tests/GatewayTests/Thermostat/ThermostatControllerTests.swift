import Simulators
import Testing
@testable import Gateway

struct ThermostatControllerTests {
    typealias Instant = ManualClock.Instant

    private let zero = ManualClock().now

    private func at(_ seconds: Int) -> Instant {
        zero.advanced(by: .seconds(seconds))
    }

    /// Heating and cooling, 2 min minimum on, 1 min minimum off, readings stale after 5 min.
    private static let settings = ThermostatSettings(
        outputs: [.heat, .cool], minimumOnTime: .seconds(120), minimumOffTime: .seconds(60)
    )

    /// The same without cycle limits, to see the hysteresis alone.
    private static let unlimited = ThermostatSettings(outputs: [.heat, .cool], minimumOnTime: .zero, minimumOffTime: .zero)

    private func controller(
        _ settings: ThermostatSettings = settings,
        mode: ThermostatMode = .heat,
        setpoint: Double = 20,
        outputs: ThermostatOutputs = .off
    ) throws -> ThermostatController<Instant> {
        try ThermostatController(
            settings: settings, target: ThermostatTarget(mode: mode, setpoint: setpoint), outputs: outputs, at: zero
        )
    }

    /// Feeds readings one second apart from `start`; returns the outputs after each.
    private func feed(
        _ controller: inout ThermostatController<Instant>, _ temperatures: [Double], from start: Int = 0
    ) -> [ThermostatOutputs] {
        temperatures.enumerated().map { offset, value in
            let now = at(start + offset)
            return controller.receive(.reading(value, at: now), at: now).outputs
        }
    }

    // MARK: Hysteresis

    @Test func heatingStartsBelowSetpointMinusHysteresisAndStopsAtSetpoint() throws {
        var thermostat = try controller(Self.unlimited)
        let heat = feed(&thermostat, [19.6, 19.5, 19.4, 19.8, 19.99, 20.0, 19.7, 19.5, 19.49]).map(\.heat)
        #expect(heat == [false, false, true, true, true, false, false, false, true])
        #expect(thermostat.decision.activity == .heating)
    }

    @Test func coolingStartsAboveSetpointPlusHysteresisAndStopsAtSetpoint() throws {
        var thermostat = try controller(Self.unlimited, mode: .cool)
        let cool = feed(&thermostat, [20.4, 20.5, 20.6, 20.2, 20.01, 20.0, 20.3, 20.51]).map(\.cool)
        #expect(cool == [false, false, true, true, true, false, false, true])
        #expect(thermostat.decision.activity == .cooling)
    }

    @Test func heatModeNeverCoolsAndCoolModeNeverHeats() throws {
        var heating = try controller(Self.unlimited, mode: .heat)
        #expect(feed(&heating, [30, 35]).allSatisfy { $0 == .off })
        var cooling = try controller(Self.unlimited, mode: .cool)
        #expect(feed(&cooling, [5, 0]).allSatisfy { $0 == .off })
    }

    @Test func autoModeHasADeadBandAndNeverHeatsAndCoolsAtOnce() throws {
        var thermostat = try controller(Self.unlimited, mode: .auto)
        let outputs = feed(&thermostat, [19.6, 20.4, 19.5, 20.5, 19.4, 19.9, 20.0, 20.3, 20.6, 20.1, 20.0, 19.6])
        #expect(outputs.map(\.heat) == [false, false, false, false, true, true, false, false, false, false, false, false])
        #expect(outputs.map(\.cool) == [false, false, false, false, false, false, false, false, true, true, false, false])
        // A swing across the whole band and back, many times: never both.
        let sweep: [Double] = (0..<400).map { step in
            let offset = Double((step * 7) % 61 - 30)
            return 20 + offset / 10
        }
        #expect(feed(&thermostat, sweep, from: 100).allSatisfy { !($0.heat && $0.cool) })
    }

    @Test func autoModeSwitchesFromHeatingToCoolingOnlyThroughOff() throws {
        var thermostat = try controller(mode: .auto)
        thermostat.receive(.reading(18, at: at(60)), at: at(60))
        #expect(thermostat.decision.outputs == ThermostatOutputs(heat: true))
        // The room jumps hot while the heater's minimum on time holds: no cooling yet.
        thermostat.receive(.reading(25, at: at(100)), at: at(100))
        #expect(thermostat.decision.outputs == ThermostatOutputs(heat: true))
        #expect(thermostat.decision.activity == .holdingOn(.heat, left: .seconds(80)))
        thermostat.evaluate(at: at(180))
        #expect(thermostat.decision.outputs == ThermostatOutputs(cool: true))
    }

    // MARK: Cycle limits

    @Test func minimumOnTimeKeepsTheOutputOnAndSaysForHowLong() throws {
        var thermostat = try controller()
        thermostat.receive(.reading(19, at: at(60)), at: at(60))
        #expect(thermostat.decision.outputs.heat)
        let decision = thermostat.receive(.reading(21, at: at(90)), at: at(90))
        #expect(decision.outputs.heat)
        #expect(decision.activity == .holdingOn(.heat, left: .seconds(90)))
        #expect(decision.activity.description == "holding heat on (min on time, 2 min left)")
        #expect(decision.nextEvaluation == at(180))
        #expect(thermostat.evaluate(at: at(179)).outputs.heat)
        let released = thermostat.evaluate(at: at(180))
        #expect(!released.outputs.heat)
        #expect(released.activity == .idle)
    }

    @Test func minimumOffTimeKeepsTheOutputOff() throws {
        var thermostat = try controller()
        // Found off at start: the minimum off time counts from the start.
        let waiting = thermostat.receive(.reading(19, at: at(10)), at: at(10))
        #expect(!waiting.outputs.heat)
        #expect(waiting.activity == .waitingToStart(.heat, left: .seconds(50)))
        #expect(waiting.activity.description == "waiting to heat (min off time, 50 s left)")
        #expect(waiting.nextEvaluation == at(60))
        #expect(thermostat.evaluate(at: at(60)).outputs.heat)
        // Off again after its minimum on time; a new demand waits a full minimum off time.
        thermostat.receive(.reading(20.5, at: at(180)), at: at(180))
        #expect(!thermostat.decision.outputs.heat)
        thermostat.receive(.reading(19, at: at(200)), at: at(200))
        #expect(thermostat.decision.activity == .waitingToStart(.heat, left: .seconds(40)))
        #expect(thermostat.evaluate(at: at(240)).outputs.heat)
    }

    @Test func maximumRunTimeForcesARestOfTheMinimumOffTime() throws {
        var settings = Self.settings
        settings.maximumRunTime = .seconds(600)
        var thermostat = try controller(settings)
        thermostat.receive(.reading(15, at: at(60)), at: at(60))
        #expect(thermostat.decision.outputs.heat)
        #expect(thermostat.decision.nextEvaluation == at(360))  // the sensor timeout comes first
        thermostat.receive(.reading(15, at: at(300)), at: at(300))
        #expect(thermostat.decision.nextEvaluation == at(600))
        thermostat.receive(.reading(15, at: at(600)), at: at(600))
        #expect(thermostat.decision.nextEvaluation == at(660))
        let rest = thermostat.evaluate(at: at(660))
        #expect(!rest.outputs.heat)
        #expect(rest.activity == .resting(.heat, left: .seconds(60)))
        #expect(rest.activity.description == "resting heat (max run time reached, 1 min left)")
        #expect(rest.nextEvaluation == at(720))
        #expect(thermostat.receive(.reading(15, at: at(700)), at: at(700)).activity == .resting(.heat, left: .seconds(20)))
        #expect(thermostat.evaluate(at: at(720)).outputs.heat)
    }

    @Test func maximumRunTimeMayNotBeShorterThanMinimumOnTime() {
        var settings = Self.settings
        settings.maximumRunTime = .seconds(60)
        #expect(throws: ThermostatError.invalidSettings(
            "the maximum run time (1 min) must be at least the minimum on time (2 min)"
        )) { try settings.check() }
    }

    @Test func flappingSetpointAndModeNeverShortCycle() throws {
        var thermostat = try controller(mode: .auto)
        var log = SwitchLog(start: zero)
        for second in 0..<3600 {
            let now = at(second)
            if second % 7 == 0 {
                try thermostat.apply(.setpoint(second % 14 == 0 ? 25 : 15), at: now)
            }
            if second % 45 == 0 {
                try thermostat.apply(.mode(second % 90 == 0 ? .off : .auto), at: now)
            }
            if second % 10 == 0 {
                thermostat.receive(.reading(20, at: now), at: now)
            }
            if let due = thermostat.decision.nextEvaluation, due <= now {
                thermostat.evaluate(at: now)
            }
            log.record(thermostat.decision.outputs, at: now)
        }
        #expect(log.switches > 10, "the test must make the outputs switch")
        #expect(log.shortestOn(.heat) >= .seconds(120) && log.shortestOn(.cool) >= .seconds(120))
        #expect(log.shortestOff(.heat) >= .seconds(60) && log.shortestOff(.cool) >= .seconds(60))
        #expect(!log.bothOn)
    }

    @Test func modeOffWaitsForTheMinimumOnTime() throws {
        var thermostat = try controller()
        thermostat.receive(.reading(19, at: at(60)), at: at(60))
        let off = try thermostat.apply(.mode(.off), at: at(70))
        #expect(off.outputs.heat)
        #expect(off.activity == .holdingOn(.heat, left: .seconds(110)))
        #expect(off.nextEvaluation == at(180))
        let done = thermostat.evaluate(at: at(180))
        #expect(done.outputs == .off)
        #expect(done.activity == .off)
        #expect(done.activity.description == "off")
    }

    // MARK: Sensor failsafe

    @Test func noReadingYetIsTheSafeState() throws {
        let thermostat = try controller(outputs: .off)
        #expect(thermostat.decision.outputs == .off)
        #expect(thermostat.decision.activity.description == "failsafe: no temperature reading yet")
    }

    @Test func staleInputGoesToTheSafeStateAndRecovers() throws {
        var thermostat = try controller()
        thermostat.receive(.reading(19, at: at(60)), at: at(60))
        #expect(thermostat.decision.outputs.heat)
        let stale = thermostat.receive(.stale(reason: "expired after 2 min"), at: at(130))
        // The failsafe goes through the minimum on time too.
        #expect(stale.outputs.heat)
        #expect(stale.activity.description == "failsafe: sensor stale (expired after 2 min); holding heat on (min on time, 50 s left)")
        let safe = thermostat.evaluate(at: at(180))
        #expect(safe.outputs == .off)
        #expect(safe.activity.description == "failsafe: sensor stale (expired after 2 min)")
        #expect(thermostat.readout(at: at(200)).temperature == 19)
        let recovered = thermostat.receive(.reading(19, at: at(240)), at: at(240))
        #expect(recovered.outputs.heat)
        #expect(recovered.activity == .heating)
    }

    @Test func missingReadingsTurnStaleAfterTheSensorTimeout() throws {
        var thermostat = try controller()
        thermostat.receive(.reading(19, at: at(60)), at: at(60))
        #expect(thermostat.decision.nextEvaluation == at(360))
        #expect(thermostat.evaluate(at: at(359)).outputs.heat)
        let stale = thermostat.evaluate(at: at(360))
        #expect(stale.outputs == .off)
        #expect(stale.activity.description == "failsafe: sensor stale (no reading for 5 min)")
        // A reading measured long ago is stale on arrival.
        #expect(thermostat.receive(.reading(19, at: at(10)), at: at(500)).outputs == .off)
    }

    @Test func failedInputAndNonNumbersGoToTheSafeState() throws {
        var thermostat = try controller()
        thermostat.receive(.reading(21, at: at(60)), at: at(60))
        #expect(thermostat.receive(.failed(reason: "CRC mismatch"), at: at(70)).activity.description
            == "failsafe: sensor failed (CRC mismatch)")
        #expect(thermostat.receive(.reading(.nan, at: at(80)), at: at(80)).activity.description
            == "failsafe: sensor failed (not a number)")
    }

    @Test func safeStateHeatKeepsHeatingOnALostSensor() throws {
        var settings = Self.settings
        settings.safeState = .heat
        var thermostat = try controller(settings)
        thermostat.receive(.reading(22, at: at(60)), at: at(60))
        #expect(thermostat.decision.outputs == .off)
        let safe = thermostat.receive(.failed(reason: "device gone"), at: at(70))
        #expect(safe.outputs == ThermostatOutputs(heat: true))
        #expect(safe.activity.description == "failsafe: sensor failed (device gone); heating")
    }

    @Test func modeOffIsNotAFailsafe() throws {
        var thermostat = try controller(mode: .off)
        #expect(thermostat.decision.activity == .off)
        #expect(thermostat.receive(.failed(reason: "gone"), at: at(10)).activity == .off)
    }

    // MARK: Restart

    @Test func relayFoundOnAtStartStaysOnForTheMinimumOnTime() throws {
        var thermostat = try controller(outputs: ThermostatOutputs(heat: true))
        #expect(thermostat.decision.outputs.heat)
        let warm = thermostat.receive(.reading(22, at: at(5)), at: at(5))
        #expect(warm.outputs.heat)
        #expect(warm.activity == .holdingOn(.heat, left: .seconds(115)))
        #expect(!thermostat.evaluate(at: at(120)).outputs.heat)
    }

    @Test func relayFoundOffAtStartStaysOffForTheMinimumOffTime() throws {
        var thermostat = try controller(outputs: .off)
        #expect(!thermostat.receive(.reading(15, at: at(1)), at: at(1)).outputs.heat)
        #expect(thermostat.evaluate(at: at(60)).outputs.heat)
    }

    // MARK: Parameters

    @Test func changesAreCheckedAndRefusedWithTheLimit() throws {
        var thermostat = try controller(ThermostatSettings())
        #expect(throws: ThermostatError.self) { try thermostat.apply(.setpoint(30), at: at(1)) }
        do {
            try thermostat.apply(.setpoint(4.5), at: at(1))
            Issue.record("a setpoint below the range was accepted")
        } catch {
            #expect("\(error)" == "setpoint must be between 5 and 28 °C")
        }
        #expect(thermostat.target.setpoint == 20)
        #expect(throws: ThermostatError.hysteresisOutOfRange(0, allowed: 0.1...5)) {
            try thermostat.apply(.hysteresis(0), at: at(1))
        }
        #expect(ThermostatError.hysteresisOutOfRange(0, allowed: 0.1...5).description == "hysteresis must be between 0.1 and 5 °C")
        #expect(throws: ThermostatError.unknownPreset("away", known: ["comfort", "eco"])) {
            try thermostat.apply(.preset("away"), at: at(1))
        }
        #expect(ThermostatError.unknownPreset("away", known: ["comfort", "eco"]).description
            == "unknown preset \"away\"; presets: comfort, eco")
        #expect(throws: ThermostatError.modeNeedsOutput(.cool, .cool)) { try thermostat.apply(.mode(.cool), at: at(1)) }
        #expect(ThermostatError.modeNeedsOutput(.auto, .cool).description
            == "mode auto needs a cooling output, and this thermostat has none")
        #expect(throws: ThermostatError.self) { try thermostat.apply(.setpoint(.nan), at: at(1)) }
    }

    @Test func presetsSetTheSetpointAndADirectSetpointClearsThem() throws {
        var thermostat = try controller()
        try thermostat.apply(.preset("comfort"), at: at(1))
        #expect(thermostat.target == ThermostatTarget(mode: .heat, setpoint: 21.5, preset: "comfort"))
        try thermostat.apply(.setpoint(19), at: at(2))
        #expect(thermostat.target.preset == nil)
        #expect(thermostat.target.setpoint == 19)
    }

    @Test func inconsistentSettingsAreRefused() {
        #expect(throws: ThermostatError.self) { try ThermostatSettings(outputs: []).check() }
        #expect(throws: ThermostatError.self) { try ThermostatSettings(hysteresisRange: 0...1).check() }
        #expect(throws: ThermostatError.self) { try ThermostatSettings(presets: ["sauna": 90]).check() }
        #expect(throws: ThermostatError.self) { try ThermostatSettings(safeState: .cool).check() }
        #expect(throws: ThermostatError.self) {
            try ThermostatSettings(initialTarget: ThermostatTarget(setpoint: 40)).check()
        }
        #expect(throws: Never.self) { try ThermostatSettings().check() }
    }

    @Test func readoutHasEverythingAReadoutPublishes() throws {
        var thermostat = try controller()
        try thermostat.apply(.preset("eco"), at: at(1))
        thermostat.receive(.reading(16.2, at: at(60)), at: at(60))
        let readout = thermostat.readout(at: at(90))
        #expect(readout.temperature == 16.2)
        #expect(readout.setpoint == 17)
        #expect(readout.mode == .heat)
        #expect(readout.preset == "eco")
        #expect(readout.hysteresis == 0.5)
        #expect(readout.heating && !readout.cooling)
        #expect(readout.state == "heating")
        #expect(readout.timeInState == .seconds(30))
    }

    @Test func timesReadAsPeopleSayThem() {
        #expect(Duration.seconds(45).spokenText == "45 s")
        #expect(Duration.milliseconds(44_200).spokenText == "45 s")
        #expect(Duration.seconds(90).spokenText == "2 min")
        #expect(Duration.seconds(3600).spokenText == "1 h")
        #expect(Duration.seconds(3900).spokenText == "1 h 5 min")
    }
}

/// The outputs' switching over a run, to check the cycle limits held.
private struct SwitchLog {
    private var state = ThermostatOutputs.off
    private var since: [ThermostatOutputKind: ManualClock.Instant]
    private var onTimes: [ThermostatOutputKind: [Duration]] = [:]
    private var offTimes: [ThermostatOutputKind: [Duration]] = [:]
    private(set) var switches = 0
    private(set) var bothOn = false

    init(start: ManualClock.Instant) {
        since = [.heat: start, .cool: start]
    }

    mutating func record(_ outputs: ThermostatOutputs, at now: ManualClock.Instant) {
        bothOn = bothOn || (outputs.heat && outputs.cool)
        for (kind, was, isNow) in [(ThermostatOutputKind.heat, state.heat, outputs.heat), (.cool, state.cool, outputs.cool)]
        where was != isNow {
            let lasted = since[kind, default: now].duration(to: now)
            if was { onTimes[kind, default: []].append(lasted) } else { offTimes[kind, default: []].append(lasted) }
            since[kind] = now
            switches += 1
        }
        state = outputs
    }

    func shortestOn(_ kind: ThermostatOutputKind) -> Duration {
        onTimes[kind, default: []].min() ?? .seconds(Int64.max / 2)
    }

    func shortestOff(_ kind: ThermostatOutputKind) -> Duration {
        offTimes[kind, default: []].min() ?? .seconds(Int64.max / 2)
    }
}
