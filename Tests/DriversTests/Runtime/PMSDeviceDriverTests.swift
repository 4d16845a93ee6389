import Drivers
import Hardware
import Simulators
import Testing

/// PMS5003 on a pseudo-terminal, streaming in active mode and asked in passive mode.
@Suite(.timeLimit(.minutes(1)))
struct PMSDeviceDriverTests {
    let sensor: SimulatedPMS
    let buses = SimulatedBusProvider(sysfsDirectory: "/nonexistent")
    let clock = ManualClock()

    init() throws {
        sensor = try SimulatedPMS()
        buses.attach(sensor, at: "/dev/ttyAMA0")
    }

    func driver(mode: String = "active") async throws -> any DeviceDriver {
        let model = try catalogModel("pms5003", replacing: "mode: active", with: "mode: \(mode)")
        return try await DeviceDriverFactory.make(
            model: model, attachment: DeviceAttachment(port: "/dev/ttyAMA0"), buses: buses, clock: clock)
    }

    @Test func activeFramesBecomeEventsOfTheModelsFields() async throws {
        let driver = try await driver()
        var events = driver.events.makeAsyncIterator()
        sensor.values = SimulatedPMS.Values(
            standard: PMSMassConcentration(pm1_0: 7, pm2_5: 11, pm10: 13),
            atmospheric: PMSMassConcentration(pm1_0: 5, pm2_5: 9, pm10: 12),
            particleCounts: [1500, 400, 80, 9, 2, 1])
        sensor.emit()
        let readings = try #require(await nextReadings(&events))
        #expect(readings == [
            FieldReading(field: "pm1_0", value: .number(5)), FieldReading(field: "pm2_5", value: .number(9)),
            FieldReading(field: "pm10", value: .number(12)), FieldReading(field: "particles_0_3um", value: .integer(1500)),
        ])
        #expect(!sensor.isPassive)
        await driver.stop()
    }

    @Test func badChecksumsAndGarbageAreFaultsAndTheStreamResynchronises() async throws {
        let driver = try await driver()
        var events = driver.events.makeAsyncIterator()
        sensor.fault = .badChecksum
        sensor.emit()
        guard case .refused(.badChecksum(sensor: .pms5003, _, _))? = await nextFault(&events) else {
            Issue.record("a frame with a bad sum was not refused")
            return
        }
        sensor.fault = .garbage
        sensor.emit()
        sensor.fault = .partialFrame
        sensor.emit()
        sensor.fault = .none
        sensor.emit()
        // The cut frame and the next one's start make a candidate that fails; then it reads.
        guard case .refused? = await nextFault(&events) else {
            Issue.record("the cut frame was not refused")
            return
        }
        #expect(number("pm2_5", in: try #require(await nextReadings(&events))) == 5)
        await driver.stop()
    }

    @Test func passiveModeAsksForEachFrame() async throws {
        let driver = try await driver(mode: "passive")
        sensor.values.atmospheric.pm2_5 = 42
        #expect(number("pm2_5", in: try await driver.sample()) == 42)
        #expect(sensor.isPassive)
        await driver.stop()
    }

    @Test func aStreamingSampleTimesOutWhenTheSensorIsSilent() async throws {
        let driver = try await driver()
        #expect(await sampleAdvancing(driver, clock: clock, by: .seconds(3)).failure == .timeout(.seconds(3)))
        await driver.stop()
    }

    @Test func sleepIsAParameter() async throws {
        let driver = try await driver(mode: "passive")
        try await driver.write(.boolean(true), to: "sleep")
        // Asleep, it does not answer (the sleep command went first on the line).
        #expect(await sampleAdvancing(driver, clock: clock, by: .seconds(2)).failure == .timeout(.seconds(2)))
        try await driver.write(.boolean(false), to: "sleep")
        #expect(number("pm2_5", in: try await driver.sample()) == 5)
        #expect(!sensor.isAsleep)
        await driver.stop()
    }
}
