import Drivers
import Hardware
import Simulators
import Testing

/// A line protocol sensor (the catalog's Arduino example) on a pseudo-terminal.
@Suite(.timeLimit(.minutes(1)))
struct LineProtocolDeviceDriverTests {
    let sensor: SimulatedLineSensor
    let buses = SimulatedBusProvider(sysfsDirectory: "/nonexistent")
    let clock = ManualClock()
    let driver: any DeviceDriver

    init() async throws {
        sensor = try SimulatedLineSensor(line: "T=21.4;H=40")
        buses.attach(sensor, at: "/dev/ttyACM0")
        driver = try await DeviceDriverFactory.make(
            model: try catalogModel("arduino-th-line"), attachment: DeviceAttachment(port: "/dev/ttyACM0"),
            buses: buses, clock: clock)
    }

    @Test func linesBecomeReadings() async throws {
        var events = driver.events.makeAsyncIterator()
        sensor.emit()
        #expect(await nextReadings(&events) == [
            FieldReading(field: "temperature", value: .number(21.4)), FieldReading(field: "humidity", value: .number(40)),
        ])
        await driver.stop()
    }

    @Test func aSampleIsTheNextLine() async throws {
        let sampling = Task { try await driver.sample() }
        await clock.waitForSleepers()
        sensor.line = "T=-3.5;H=91"
        sensor.emit()
        #expect(number("temperature", in: try await sampling.value) == -3.5)
        await driver.stop()
    }

    @Test func garbageAndCutLinesAreFaultsNotValues() async throws {
        var events = driver.events.makeAsyncIterator()
        sensor.fault = .garbage
        sensor.emit()
        guard case .refused(.malformed(sensor: .lineProtocol, _))? = await nextFault(&events) else {
            Issue.record("a garbage line was not refused")
            return
        }
        sensor.fault = .partialFrame
        sensor.emit()
        sensor.fault = .none
        sensor.emit()
        guard case .refused(.malformed(sensor: .lineProtocol, _))? = await nextFault(&events) else {
            Issue.record("a cut line joined to the next was not refused")
            return
        }
        sensor.emit()
        #expect(number("humidity", in: try #require(await nextReadings(&events))) == 40)
        await driver.stop()
    }

    @Test func silenceIsATimeoutAfterTheDefaultWait() async throws {
        #expect(await sampleAdvancing(driver, clock: clock, by: .seconds(5)).failure == .timeout(.seconds(5)))
        await driver.stop()
    }
}
