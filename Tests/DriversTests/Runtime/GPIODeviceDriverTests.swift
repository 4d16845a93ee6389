import Drivers
import Hardware
import Simulators
import Testing

/// The catalog's relay and button on simulated GPIO lines.
@Suite(.timeLimit(.minutes(1)))
struct GPIODeviceDriverTests {
    let clock: ManualClock
    let buses: SimulatedBusProvider

    init() {
        clock = ManualClock()
        // The lines debounce on the test's clock too.
        buses = SimulatedBusProvider(sysfsDirectory: "/nonexistent", clock: clock)
    }

    @Test func theRelayIsRequestedAtItsSafeStateWithoutAGlitch() async throws {
        let model = try catalogModel("gpio-relay")
        let attachment = DeviceAttachment(port: "pinctrl-bcm2711", line: "GPIO17")
        // The relay board's input is pulled up: off, on an active-low board.
        let line = try installedLine(model, at: attachment)
        #expect(line.level)
        let driver = try await DeviceDriverFactory.make(model: model, attachment: attachment, buses: buses, clock: clock)
        #expect(line.isRequested && !line.isActive)
        #expect(line.levelHistory.allSatisfy { $0 }, "the line went low (relay on) at start: \(line.levelHistory)")
        #expect(try await driver.sample() == [FieldReading(field: "state", value: .boolean(false))])

        try await driver.write(.boolean(true), to: "state")
        #expect(line.isActive && !line.level)
        await driver.stop()
        #expect(!line.isRequested && line.level)
    }

    @Test func minimumOnAndOffTimesAreHonoured() async throws {
        let model = try catalogModel("gpio-relay")
        let driver = try await DeviceDriverFactory.make(
            model: model, attachment: DeviceAttachment(line: "GPIO27"), buses: buses, clock: clock)
        let line = buses.gpioLine(.named("GPIO27", chipLabel: nil))
        try await driver.write(.boolean(true), to: "state")
        clock.advance(by: .seconds(9))
        guard case .unsupported? = await driverFailure({ try await driver.write(.boolean(false), to: "state") }) else {
            Issue.record("switched off 9 s after on, with a 10 s minimum on time")
            return
        }
        #expect(line.isActive)
        clock.advance(by: .seconds(1))
        try await driver.write(.boolean(false), to: "state")
        #expect(!line.isActive)
        guard case .unsupported? = await driverFailure({ try await driver.write(.boolean(true), to: "state") }) else {
            Issue.record("switched on at once, with a 10 s minimum off time")
            return
        }
        await driver.stop()
    }

    @Test func theMaximumOnTimeSwitchesOff() async throws {
        let model = try catalogModel("gpio-relay", replacing: "minimum_off_time: 10s", with: "maximum_on_time: 1min")
        let driver = try await DeviceDriverFactory.make(
            model: model, attachment: DeviceAttachment(port: "0", line: "4"), buses: buses, clock: clock)
        let line = buses.gpioLine(.offset(4, chip: "gpiochip0"))
        var events = driver.events.makeAsyncIterator()
        #expect(await nextReadings(&events) == [FieldReading(field: "state", value: .boolean(false))], "no safe state at start")
        try await driver.write(.boolean(true), to: "state")
        await clock.waitForSleepers()
        clock.advance(by: .seconds(60))
        #expect(await nextReadings(&events) == [FieldReading(field: "state", value: .boolean(false))])
        #expect(!line.isActive)
        await driver.stop()
    }

    @Test func buttonPressesAreDebouncedEdgesAndCounted() async throws {
        let model = try catalogModel("gpio-button")
        let attachment = DeviceAttachment(line: "GPIO22")
        let button = try installedLine(model, at: attachment)
        let driver = try await DeviceDriverFactory.make(model: model, attachment: attachment, buses: buses, clock: clock)
        var events = driver.events.makeAsyncIterator()
        let released = [FieldReading(field: "state", value: .boolean(false)), FieldReading(field: "count", value: .integer(0))]
        #expect(await nextReadings(&events) == released, "no state at start")
        #expect(try await driver.sample() == released)
        // A bouncing press: one edge once the line held still for the 30 ms debounce.
        button.bounce(changes: 5, endingActive: true)
        await button.settle()
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(30))
        #expect(await nextReadings(&events) == [
            FieldReading(field: "state", value: .boolean(true)), FieldReading(field: "count", value: .integer(1)),
        ])
        // Active-low: pressed pulls the line low.
        #expect(!button.level)
        button.letGo()
        await button.settle()
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(30))
        #expect(await nextReadings(&events) == [
            FieldReading(field: "state", value: .boolean(false)), FieldReading(field: "count", value: .integer(1)),
        ])
        button.press()
        await button.settle()
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(30))
        #expect(await nextReadings(&events).flatMap { value("count", in: $0) } == .integer(2))
        await driver.stop()
    }

    @Test func aButtonHeldAtStartShowsItBeforeAnyEdge() async throws {
        let model = try catalogModel("gpio-button")
        let attachment = DeviceAttachment(line: "GPIO23")
        let button = try installedLine(model, at: attachment)
        // Held down before the gateway starts: it pulls its active-low line low.
        button.setLevel(false)
        let driver = try await DeviceDriverFactory.make(model: model, attachment: attachment, buses: buses, clock: clock)
        var events = driver.events.makeAsyncIterator()
        #expect(await nextReadings(&events).flatMap { value("state", in: $0) } == .boolean(true))
        await driver.stop()
    }

    @Test func anInputRefusesEveryWriteNamingTheParameter() async throws {
        let model = try catalogModel("gpio-button")
        let driver = try await DeviceDriverFactory.make(model: model, attachment: DeviceAttachment(line: "GPIO6"), buses: buses, clock: clock)
        let failure = await driverFailure { try await driver.write(.boolean(true), to: "state") }
        #expect(failure == .unsupported("\(model.name) has no parameter state"))
        await driver.stop()
    }

    @Test func aLineThatVanishesIsGone() async throws {
        let model = try catalogModel("gpio-button")
        let driver = try await DeviceDriverFactory.make(model: model, attachment: DeviceAttachment(line: "GPIO5"), buses: buses, clock: clock)
        var events = driver.events.makeAsyncIterator()
        _ = await nextReadings(&events)  // the state at start
        buses.gpioLine(.named("GPIO5", chipLabel: nil)).remove()
        guard case .gone? = await events.next() else {
            Issue.record("no gone event for a removed line")
            return
        }
        await driver.stop()
    }

    @Test func aBusyLineIsABusError() async throws {
        let model = try catalogModel("gpio-relay")
        let first = try await DeviceDriverFactory.make(model: model, attachment: DeviceAttachment(line: "GPIO6"), buses: buses, clock: clock)
        guard case .bus? = await driverFailure({
            try await DeviceDriverFactory.make(model: model, attachment: DeviceAttachment(line: "GPIO6"), buses: self.buses, clock: self.clock)
        }) else {
            Issue.record("a line requested twice was granted")
            return
        }
        await first.stop()
    }

    /// The simulated line `install` puts where `attachment` says.
    private func installedLine(_ model: DeviceModel, at attachment: DeviceAttachment) throws -> SimulatedGPIOLine {
        guard case let .gpio(line) = try buses.install(model: model, at: attachment) else {
            throw InstalledSomethingElse(model: model.id)
        }
        return line
    }

    private struct InstalledSomethingElse: Error {
        let model: String
    }
}
