import Simulators
import Testing

@testable import Hardware

/// IIO devices on a sysfs tree built for the test, shaped as the kernel's bmp280 and dht11
/// drivers make it.
@Suite(.timeLimit(.minutes(1)))
struct IIODeviceTests {
    private func tree() throws -> TemporaryDirectory {
        let sysfs = try TemporaryDirectory()
        try sysfs.write("bme280\n", to: "bus/iio/devices/iio:device0/name")
        try sysfs.write("23370\n", to: "bus/iio/devices/iio:device0/in_temp_input")
        try sysfs.write("101.325000000\n", to: "bus/iio/devices/iio:device0/in_pressure_input")
        try sysfs.write("45123\n", to: "bus/iio/devices/iio:device0/in_humidityrelative_input")
        try sysfs.write("2\n", to: "bus/iio/devices/iio:device0/in_temp_oversampling_ratio")
        try sysfs.write("1\n", to: "bus/iio/devices/iio:device0/power/autosuspend_delay_ms")
        try sysfs.makeDirectory("bus/iio/devices/iio:device0/in_events")
        try sysfs.write("dht11\n", to: "bus/iio/devices/iio:device10/name")
        try sysfs.write("dht11\n", to: "bus/iio/devices/iio:device2/name")
        try sysfs.write("trigger\n", to: "bus/iio/devices/trigger0/name")
        return sysfs
    }

    @Test func listsDevicesInNumberOrderWithoutTriggers() throws {
        let sysfs = try tree()
        #expect(IIODevice.all(sysfs: SysfsRoot(path: sysfs.path)).map(\.id) == ["iio:device0", "iio:device2", "iio:device10"])
    }

    @Test func readsTheNameAndTheInputAttributes() async throws {
        let sysfs = try tree()
        let bme280 = IIODevice(id: "iio:device0", sysfs: SysfsRoot(path: sysfs.path))
        #expect(try await bme280.name() == "bme280")
        #expect(try await bme280.attributes() == [
            "name": "bme280\n",
            "in_temp_input": "23370\n",
            "in_pressure_input": "101.325000000\n",
            "in_humidityrelative_input": "45123\n",
            "in_temp_oversampling_ratio": "2\n",
        ])
    }

    @Test func aDeviceThatWasUnboundIsReportedGone() async throws {
        let sysfs = try tree()
        let dht11 = IIODevice(id: "iio:device2", sysfs: SysfsRoot(path: sysfs.path))
        sysfs.remove("bus/iio/devices/iio:device2")
        await #expect(throws: SysfsError.deviceGone("iio:device2")) { try await dht11.attributes() }
        await #expect(throws: SysfsError.deviceGone("iio:device2")) { try await dht11.read("in_temp_input") }
    }

    @Test func noticesDevicesThatAppearAndDisappear() async throws {
        let sysfs = try tree()
        let clock = ManualClock()
        var changes = IIODevice.changes(sysfs: SysfsRoot(path: sysfs.path), every: .seconds(2), clock: clock)
            .makeAsyncIterator()
        #expect(await changes.next() == .appeared("iio:device0"))
        #expect(await changes.next() == .appeared("iio:device10"))
        #expect(await changes.next() == .appeared("iio:device2"))
        sysfs.remove("bus/iio/devices/iio:device10")
        await clock.waitForSleepers()
        clock.advance(by: .seconds(2))
        #expect(await changes.next() == .disappeared("iio:device10"))
    }
}
