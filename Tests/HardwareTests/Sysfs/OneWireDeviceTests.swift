import Simulators
import Testing

@testable import Hardware

/// 1-Wire devices on a sysfs tree built for the test, shaped as the w1 subsystem makes it.
@Suite(.timeLimit(.minutes(1)))
struct OneWireDeviceTests {
    static let w1Slave = """
        72 01 4b 46 7f ff 0c 10 c6 : crc=c6 YES
        72 01 4b 46 7f ff 0c 10 c6 t=23125

        """

    private func busWithTwoSensors() throws -> TemporaryDirectory {
        let sysfs = try TemporaryDirectory()
        try sysfs.makeDirectory("bus/w1/devices/w1_bus_master1")
        try sysfs.write(Self.w1Slave, to: "bus/w1/devices/28-0000075c6f2b/w1_slave")
        try sysfs.write("23125\n", to: "bus/w1/devices/28-0000075c6f2b/temperature")
        try sysfs.write(Self.w1Slave, to: "bus/w1/devices/10-000802b4f10c/w1_slave")
        return sysfs
    }

    @Test func listsTheDevicesWithTheirFamiliesButNotTheBusMaster() throws {
        let sysfs = try busWithTwoSensors()
        let devices = OneWireDevice.all(sysfs: SysfsRoot(path: sysfs.path))
        #expect(devices.map(\.id) == ["10-000802b4f10c", "28-0000075c6f2b"])
        #expect(devices.map(\.family) == [0x10, 0x28])
        #expect(devices.last?.path == "\(sysfs.path)/bus/w1/devices/28-0000075c6f2b")
    }

    @Test func noW1SubsystemMeansNoDevices() throws {
        let sysfs = try TemporaryDirectory()
        #expect(OneWireDevice.all(sysfs: SysfsRoot(path: sysfs.path)).isEmpty)
    }

    @Test func readsTheScratchpadOrTheTemperature() async throws {
        let sysfs = try busWithTwoSensors()
        let sensor = OneWireDevice(id: "28-0000075c6f2b", sysfs: SysfsRoot(path: sysfs.path))
        #expect(try await sensor.read() == Self.w1Slave)
        #expect(try await sensor.read("temperature") == "23125\n")
        await #expect(throws: SysfsError.attributeMissing(device: "28-0000075c6f2b", attribute: "alarms")) {
            try await sensor.read("alarms")
        }
    }

    @Test func aSensorThatVanishesIsReportedGone() async throws {
        let sysfs = try busWithTwoSensors()
        let sensor = OneWireDevice(id: "28-0000075c6f2b", sysfs: SysfsRoot(path: sysfs.path))
        _ = try await sensor.read()
        sysfs.remove("bus/w1/devices/28-0000075c6f2b")
        await #expect(throws: SysfsError.deviceGone("28-0000075c6f2b")) {
            try await sensor.read()
        }
    }

    @Test func noticesSensorsThatAppearAndDisappear() async throws {
        let sysfs = try busWithTwoSensors()
        let clock = ManualClock()
        var changes = OneWireDevice.changes(sysfs: SysfsRoot(path: sysfs.path), every: .seconds(5), clock: clock)
            .makeAsyncIterator()
        #expect(await changes.next() == .appeared("10-000802b4f10c"))
        #expect(await changes.next() == .appeared("28-0000075c6f2b"))

        sysfs.remove("bus/w1/devices/10-000802b4f10c")
        try sysfs.write(Self.w1Slave, to: "bus/w1/devices/28-000008a1b2c3/w1_slave")
        await clock.waitForSleepers()
        clock.advance(by: .seconds(5))
        #expect(await changes.next() == .disappeared("10-000802b4f10c"))
        #expect(await changes.next() == .appeared("28-000008a1b2c3"))
    }
}
