import Drivers
import Hardware
import Simulators
import Testing

/// An NMEA GPS receiver on a pseudo-terminal.
@Suite(.timeLimit(.minutes(1)))
struct NMEADeviceDriverTests {
    let receiver: SimulatedNMEAReceiver
    let buses = SimulatedBusProvider(sysfsDirectory: "/nonexistent")
    let driver: any DeviceDriver

    init() async throws {
        receiver = try SimulatedNMEAReceiver(fix: .init(latitude: 52.520008, longitude: -13.404954, altitude: 34, speed: 5, course: 90))
        buses.attach(receiver, at: "/dev/ttyS0")
        driver = try await DeviceDriverFactory.make(
            model: try catalogModel("nmea-gps"), attachment: DeviceAttachment(port: "/dev/ttyS0"), buses: buses,
            clock: ManualClock())
    }

    @Test func ggaAndRMCBecomeReadings() async throws {
        var events = driver.events.makeAsyncIterator()
        receiver.emit()
        let gga = try #require(await nextReadings(&events))
        #expect(abs(number("latitude", in: gga) - 52.520008) < 1e-6)
        #expect(abs(number("longitude", in: gga) + 13.404954) < 1e-6)
        #expect(number("altitude", in: gga) == 34)
        #expect(value("satellites", in: gga) == .integer(8))
        #expect(value("fix_quality", in: gga) == .integer(1))
        let rmc = try #require(await nextReadings(&events))
        #expect(abs(number("speed", in: rmc) - 5) < 0.001)
        #expect(number("course", in: rmc) == 90)
        await driver.stop()
    }

    @Test func aBadChecksumIsRefused() async throws {
        var events = driver.events.makeAsyncIterator()
        receiver.fault = .badChecksum
        receiver.emit()
        guard case .refused(.badChecksum(sensor: .nmea, _, _))? = await nextFault(&events) else {
            Issue.record("a sentence with a bad checksum was not refused")
            return
        }
        await driver.stop()
    }

    @Test func garbageIsRefusedAndTheNextSentenceReads() async throws {
        var events = driver.events.makeAsyncIterator()
        receiver.fault = .garbage
        receiver.emit()
        #expect(await nextFault(&events) != nil)
        #expect(await nextFault(&events) != nil)
        receiver.fault = .none
        receiver.emit()
        #expect(number("altitude", in: try #require(await nextReadings(&events))) == 34)
        await driver.stop()
    }
}
