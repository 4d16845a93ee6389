import Drivers
import Synchronization
import Testing
@testable import Gateway

@Suite("A device that is missing or unplugged is opened again")
struct ReopeningDriverTests {
    /// Opens succeed from the `succeedFrom`-th attempt on, each giving a driver that reads
    /// `state = true` until it is told to vanish.
    final class Bench: Sendable {
        let attempts = Mutex(0)
        let vanished = Mutex(false)
        let succeedFrom: Int

        init(succeedFrom: Int) {
            self.succeedFrom = succeedFrom
        }

        func open() throws -> any DeviceDriver {
            let attempt = attempts.withLock { $0 += 1; return $0 }
            guard attempt >= succeedFrom else { throw DeviceDriverError.gone("/dev/ttyUSB0 is not there") }
            vanished.withLock { $0 = false }
            return VanishingDriver(bench: self)
        }
    }

    final class VanishingDriver: DeviceDriver {
        let model = catalogModel("gpio-relay")
        let events = AsyncStream<DriverEvent> { $0.finish() }
        let bench: Bench

        init(bench: Bench) {
            self.bench = bench
        }

        func sample() async throws(DeviceDriverError) -> [FieldReading] {
            if bench.vanished.withLock({ $0 }) { throw .gone("unplugged") }
            return [FieldReading(field: "state", value: .boolean(true))]
        }

        func write(_ value: FieldValue, to parameter: String) async throws(DeviceDriverError) {}
        func stop() async {}
    }

    @Test func aDeviceMissingAtStartIsReadOnceItAppears() async throws {
        let bench = Bench(succeedFrom: 2)
        let driver = ReopeningDriver(model: catalogModel("gpio-relay"), retryInterval: .zero) { try bench.open() }
        await #expect(throws: DeviceDriverError.gone("device gone: /dev/ttyUSB0 is not there")) {
            try await driver.sample()
        }
        #expect(try await driver.sample() == [FieldReading(field: "state", value: .boolean(true))])
        #expect(bench.attempts.withLock { $0 } == 2)
    }

    @Test func aDevicePluggedInIsOpenedAtOnceNotAtTheNextRetry() async throws {
        let bench = Bench(succeedFrom: 2)
        let driver = ReopeningDriver(model: catalogModel("gpio-relay"), retryInterval: .seconds(3600)) { try bench.open() }
        _ = try? await driver.sample()
        _ = try? await driver.sample()
        #expect(bench.attempts.withLock { $0 } == 1, "within the retry interval, no second attempt")
        driver.deviceAdded()
        #expect(try await driver.sample() == [FieldReading(field: "state", value: .boolean(true))])
        #expect(bench.attempts.withLock { $0 } == 2)
    }

    @Test func aDevicePluggedInLeavesAnOpenDriverAlone() async throws {
        let bench = Bench(succeedFrom: 1)
        let driver = ReopeningDriver(model: catalogModel("gpio-relay"), retryInterval: .zero) { try bench.open() }
        _ = try await driver.sample()
        driver.deviceAdded()
        _ = try await driver.sample()
        #expect(bench.attempts.withLock { $0 } == 1)
    }

    @Test func anUnpluggedDeviceIsGoneThenOpenedAgain() async throws {
        let bench = Bench(succeedFrom: 1)
        let driver = ReopeningDriver(model: catalogModel("gpio-relay"), retryInterval: .zero) { try bench.open() }
        _ = try await driver.sample()
        bench.vanished.withLock { $0 = true }
        await #expect(throws: DeviceDriverError.gone("unplugged")) { try await driver.sample() }
        #expect(try await driver.sample() == [FieldReading(field: "state", value: .boolean(true))])
        #expect(bench.attempts.withLock { $0 } == 2)
    }

    @Test func attemptsAreSpacedByTheRetryInterval() async throws {
        let bench = Bench(succeedFrom: 3)
        let driver = ReopeningDriver(model: catalogModel("gpio-relay"), retryInterval: .seconds(3600)) { try bench.open() }
        for _ in 0..<3 { _ = try? await driver.sample() }
        #expect(bench.attempts.withLock { $0 } == 1)
    }
}
