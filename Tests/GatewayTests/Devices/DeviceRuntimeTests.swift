import Drivers
import Foundation
import Testing
@testable import Gateway

@Suite("Device runtime: readings, health and parameter checks")
struct DeviceRuntimeTests {
    let start = ContinuousClock.now

    func runtime(_ modelID: String, silenceLimit: Duration? = nil) -> (DeviceRuntime, RecordingDriver) {
        let model = catalogModel(modelID)
        let driver = RecordingDriver(model: model)
        return (DeviceRuntime(id: "dev", model: model, driver: driver, silenceLimit: silenceLimit), driver)
    }

    @Test func aReadingIsPublishedAndShownCurrent() async {
        let (device, _) = runtime("bme280")
        await device.ingest([FieldReading(field: "temperature", value: .number(21.4))], at: start)
        let snapshot = await device.snapshot(at: start + .seconds(10))
        #expect(snapshot.field(named: "temperature")?.value == .number(21.4))
        #expect(snapshot.field(named: "temperature")?.freshness == .current)
        #expect(snapshot.field(named: "humidity")?.freshness == .missing)
        #expect(snapshot.health == .reading)
    }

    @Test func aValueOutsideTheModelsRangeIsNeverShown() async {
        let (device, _) = runtime("bme280")
        await device.ingest([FieldReading(field: "temperature", value: .number(150))], at: start)
        let snapshot = await device.snapshot(at: start)
        #expect(snapshot.field(named: "temperature")?.value == nil)
        #expect(snapshot.health == .starting)
    }

    @Test func valuesOlderThanExpireAfterAreStaleAndTheDeviceSaysSo() async {
        let (device, _) = runtime("bme280")
        await device.ingest([FieldReading(field: "temperature", value: .number(21.4))], at: start)
        await device.tick(at: start + .seconds(301))
        let snapshot = await device.snapshot(at: start + .seconds(301))
        #expect(snapshot.field(named: "temperature")?.freshness == .stale(age: .seconds(301)))
        #expect(snapshot.health == .stale(reason: "temperature not updated for 6 min"))
    }

    @Test func silenceBeyondTheLimitMakesTheDeviceStaleAndAReadingRecoversIt() async {
        let (device, _) = runtime("gpio-relay", silenceLimit: .seconds(30))
        await device.ingest([FieldReading(field: "state", value: .boolean(false))], at: start)
        await device.tick(at: start + .seconds(31))
        #expect(await device.health == .stale(reason: "no reading for 31 s"))
        await device.ingest([FieldReading(field: "state", value: .boolean(true))], at: start + .seconds(32))
        #expect(await device.health == .reading)
    }

    @Test func oneBadFrameIsNotAFailureButThreeInARowAre() async {
        let (device, _) = runtime("mh-z19b")
        await device.ingest([FieldReading(field: "co2", value: .number(600))], at: start)
        let bad = DeviceDriverError.refused(.badChecksum(sensor: .mhz19, expected: 1, actual: 2))
        await device.recordFailure(bad, at: start + .seconds(1))
        #expect(await device.health == .reading)
        await device.recordFailure(bad, at: start + .seconds(2))
        await device.recordFailure(bad, at: start + .seconds(3))
        #expect(await device.health == .failing(reason: bad.description))
        await device.ingest([FieldReading(field: "co2", value: .number(610))], at: start + .seconds(4))
        #expect(await device.health == .reading)
    }

    @Test func aVanishedDeviceIsGoneUntilItReadsAgain() async {
        let (device, _) = runtime("mh-z19b")
        await device.recordFailure(.gone("/dev/ttyUSB0 went away"), at: start)
        #expect(await device.health == .gone(reason: "/dev/ttyUSB0 went away"))
        await device.ingest([FieldReading(field: "co2", value: .number(610))], at: start + .seconds(4))
        #expect(await device.health == .reading)
    }

    @Test func healthChangesArriveAsUpdatesOnce() async {
        let (device, _) = runtime("mh-z19b")
        await device.ingest([FieldReading(field: "co2", value: .number(600))], at: start)
        await device.ingest([FieldReading(field: "co2", value: .number(600))], at: start + .seconds(1))
        await device.recordFailure(.gone("unplugged"), at: start + .seconds(2))
        var iterator = device.updates.makeAsyncIterator()
        var health: [DeviceHealth] = []
        for _ in 0..<4 {
            if case let .health(change) = await iterator.next() { health.append(change) }
        }
        #expect(health == [.reading, .gone(reason: "unplugged")])
    }

    @Test func aDriversNoticeReachesTheUpdatesForTheLog() async {
        let model = catalogModel("ds18b20")
        let notice = "28-0000075c6f2b converts at 12 bits, the model asks for 9 bits"
        let device = DeviceRuntime(id: "dev", model: model, driver: RecordingDriver(model: model, events: [.notice(notice)]))
        let running = Task { await device.run(every: nil) }
        defer { running.cancel() }
        var iterator = device.updates.makeAsyncIterator()
        #expect(await iterator.next() == .notice(notice))
    }

    /// One frame is one update, so the history stores it in one transaction.
    @Test func oneFramesValuesArePublishedTogether() async {
        let (device, _) = runtime("bme280")
        await device.ingest([
            FieldReading(field: "temperature", value: .number(21.4)),
            FieldReading(field: "humidity", value: .number(45)),
            FieldReading(field: "pressure", value: .number(101_325)),
        ], at: start)
        var iterator = device.updates.makeAsyncIterator()
        var published: [[FieldReading]] = []
        for _ in 0..<2 {
            if case let .published(readings, _) = await iterator.next() { published.append(readings) }
        }
        #expect(published.count == 1)
        #expect(published.first?.map(\.field) == ["temperature", "humidity", "pressure"])
    }

    @Test func aWritableParameterIsCheckedThenWritten() async throws {
        let (device, driver) = runtime("gpio-relay")
        try await device.set("state", to: .text("on"))
        #expect(driver.writes["state"] == .boolean(true))
        #expect(await device.snapshot(at: start).parameters["state"] == .boolean(true))
    }

    @Test func refusalsSayWhatIsAllowed() async {
        let (relay, driver) = runtime("gpio-relay")
        await #expect(throws: ControlRefusal.wrongType("state", expected: .boolean)) {
            try await relay.set("state", to: .text("maybe"))
        }
        await #expect(throws: ControlRefusal.unknownParameter("speed", known: ["state"])) {
            try await relay.set("speed", to: .number(3))
        }
        #expect(driver.writes.isEmpty)
        #expect(ControlRefusal.outOfRange("setpoint", value: 40, range: 5...28, unit: "°C").description
            == "setpoint must be between 5 and 28 °C")
        #expect(ControlRefusal.notAChoice("mode", value: "warm", choices: ["off", "heat"]).description
            == "mode must be one of off, heat")
    }

    @Test func aDriverThatCannotWriteIsReportedNotHidden() async {
        let (relay, driver) = runtime("gpio-relay")
        driver.failWrites(with: .bus("line released"))
        await #expect(throws: ControlRefusal.deviceFailed("state", reason: "bus error: line released")) {
            try await relay.set("state", to: .boolean(true))
        }
        #expect(await relay.snapshot(at: start).parameters["state"] == nil)
    }
}
