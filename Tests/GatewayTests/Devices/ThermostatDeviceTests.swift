import Drivers
import Foundation
import Logging
import Testing
@testable import Gateway

@Suite("Thermostat device: composed from a sensor and a relay, persisted")
struct ThermostatDeviceTests {
    let start = ContinuousClock.now
    let sensor = DeviceRuntime(id: "living", model: catalogModel("bme280"), driver: RecordingDriver(model: catalogModel("bme280")))
    let relayDriver = RecordingDriver(model: catalogModel("gpio-relay"))
    let relay: DeviceRuntime
    let scratch: ScratchDirectory
    let settings = ThermostatSettings(
        minimumOnTime: .seconds(60), minimumOffTime: .seconds(60),
        initialTarget: ThermostatTarget(mode: .heat, setpoint: 21, hysteresis: 0.5))

    init() throws {
        relay = DeviceRuntime(id: "heater", model: catalogModel("gpio-relay"), driver: relayDriver)
        scratch = try ScratchDirectory()
    }

    func thermostat() async throws -> ThermostatDevice {
        try await ThermostatDevice(
            id: "thermostat", model: catalogModel("thermostat"), settings: settings,
            parts: ThermostatParts(sensor: sensor, sensorField: "temperature", heat: (relay, "state"), cool: nil),
            stateFile: ThermostatStateFile(path: scratch.path("thermostat.json")),
            logger: Logger(label: "test"))
    }

    /// The relay was found off at start: it stays off for its minimum off time from then.
    @Test func aColdRoomSwitchesTheRelayOnOnceTheMinimumOffTimeHasPassed() async throws {
        let device = try await thermostat()
        let now = ContinuousClock.now
        await sensor.ingest([FieldReading(field: "temperature", value: .number(18))], at: now)
        await device.step(at: now)
        #expect(relayDriver.writes["state"] == nil)
        await device.step(at: now + .seconds(61))
        #expect(relayDriver.writes["state"] == .boolean(true))
        let snapshot = await device.snapshot(at: now + .seconds(61))
        #expect(snapshot.field(named: "heating")?.value == .boolean(true))
        #expect(snapshot.field(named: "temperature")?.value == .number(18))
    }

    @Test func aStaleSensorSwitchesToTheSafeStateAndSaysWhy() async throws {
        let device = try await thermostat()
        let now = ContinuousClock.now
        await sensor.ingest([FieldReading(field: "temperature", value: .number(18))], at: now)
        await device.step(at: now + .seconds(61))
        #expect(relayDriver.writes["state"] == .boolean(true))
        await device.step(at: now + .seconds(400))
        #expect(relayDriver.writes["state"] == .boolean(false))
        let health = await device.snapshot(at: now + .seconds(400)).health
        #expect(health.problem?.contains("stale") == true, "\(health)")
    }

    @Test func theSetpointIsCheckedAgainstTheInstallationsRange() async throws {
        let device = try await thermostat()
        await #expect(throws: ControlRefusal.outOfRange("setpoint", value: 40, range: 5...28, unit: "°C")) {
            try await device.set("setpoint", to: .number(40))
        }
    }

    @Test func aRestartResumesTheLastSetpointAndMode() async throws {
        let first = try await thermostat()
        try await first.set("setpoint", to: .number(22.5))
        try await first.set("mode", to: .text("off"))
        let second = try await thermostat()
        let parameters = await second.snapshot(at: .now).parameters
        #expect(parameters["setpoint"] == .number(22.5))
        #expect(parameters["mode"] == .text("off"))
    }
}
