import Drivers
import Hardware
import Simulators
import Testing

/// MH-Z19B on a pseudo-terminal: the driver asks, the simulator answers.
@Suite(.timeLimit(.minutes(1)))
struct MHZ19DeviceDriverTests {
    let sensor: SimulatedMHZ19
    let buses: SimulatedBusProvider
    let clock = ManualClock()
    let driver: any DeviceDriver

    init() async throws {
        sensor = try SimulatedMHZ19()
        buses = SimulatedBusProvider(sysfsDirectory: "/nonexistent")
        buses.attach(sensor, at: "/dev/serial/by-id/co2")
        driver = try await DeviceDriverFactory.make(
            model: try catalogModel("mh-z19b"), attachment: DeviceAttachment(port: "/dev/serial/by-id/co2"),
            buses: buses, clock: clock)
    }

    @Test func sampleAsksAndDecodesTheConcentration() async throws {
        sensor.co2 = 812
        #expect(try await driver.sample() == [FieldReading(field: "co2", value: .number(812))])
        sensor.co2 = 1234
        #expect(try await driver.sample() == [FieldReading(field: "co2", value: .number(1234))])
        #expect(sensor.requestsAnswered == 2)
        await driver.stop()
    }

    @Test func startSetsTheModelsRangeAndBaselineCorrection() async throws {
        // The answer to a sample comes after the start commands were taken.
        _ = try await driver.sample()
        #expect(sensor.detectionRange == 5000)
        #expect(!sensor.automaticBaselineCorrection)
        try await driver.write(.boolean(true), to: "automatic_baseline_correction")
        _ = try await driver.sample()
        #expect(sensor.automaticBaselineCorrection)
        await driver.stop()
    }

    @Test func aBadChecksumIsRefusedAndTheNextFrameReads() async throws {
        sensor.fault = .badChecksum
        guard case .refused(.badChecksum(sensor: .mhz19, _, _))? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("a frame with a bad checksum was not refused")
            return
        }
        sensor.fault = .none
        sensor.co2 = 640
        #expect(number("co2", in: try await driver.sample()) == 640)
        await driver.stop()
    }

    @Test func silenceIsATimeout() async throws {
        sensor.fault = .silent
        #expect(await sampleAdvancing(driver, clock: clock, by: .seconds(2)).failure == .timeout(.seconds(2)))
        await driver.stop()
    }

    @Test func garbageIsATimeoutThenTheDriverResynchronises() async throws {
        sensor.fault = .garbage
        #expect(await sampleAdvancing(driver, clock: clock, by: .seconds(2)).failure == .timeout(.seconds(2)))
        sensor.fault = .none
        sensor.co2 = 700
        #expect(number("co2", in: try await driver.sample()) == 700)
        await driver.stop()
    }

    // A cut frame joins the start of the next answer into a candidate that fails its
    // checksum; the framer gives up one byte, finds the real frame, and it reads.
    @Test func aPartialFrameCostsOneRefusalThenFramesRead() async throws {
        // The sensor sends bytes in order: the cut frame goes out before the next answer.
        sensor.inject(Array(SimulatedMHZ19.frame(co2: 900, temperature: 20).prefix(5)))
        sensor.co2 = 555
        guard case .refused(.badChecksum)? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("the cut frame joined to the next was not refused")
            return
        }
        // The real frame of that answer arrived behind the refused candidate: an event.
        var events = driver.events.makeAsyncIterator()
        #expect(await nextReadings(&events) == [FieldReading(field: "co2", value: .number(555))])
        #expect(number("co2", in: try await driver.sample()) == 555)
        await driver.stop()
    }

    @Test func aConcentrationAboveTheDetectionRangeIsRefused() async throws {
        sensor.co2 = 6000
        guard case .refused(.implausibleValue(sensor: .mhz19, field: "co2", value: 6000, _))? =
            await driverFailure({ try await driver.sample() })
        else {
            Issue.record("6000 ppm on a 5000 ppm range was not refused")
            return
        }
        await driver.stop()
    }

    @Test func anUnpluggedSensorIsGone() async throws {
        var events = driver.events.makeAsyncIterator()
        sensor.unplug()
        guard case .gone? = await events.next() else {
            Issue.record("no gone event after unplugging")
            return
        }
        guard case .gone? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("sampling an unplugged sensor was not .gone")
            return
        }
        await driver.stop()
    }

    @Test func unknownParametersAreUnsupported() async throws {
        guard case .unsupported? = await driverFailure({ try await driver.write(.number(1), to: "span") }) else {
            Issue.record("a write to an unknown parameter was accepted")
            return
        }
        await driver.stop()
    }
}
