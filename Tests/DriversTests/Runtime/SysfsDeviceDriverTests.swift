import Drivers
import Glibc
import Hardware
import Simulators
import Testing

/// DS18B20 and IIO drivers on a simulated sysfs tree in a temporary directory.
@Suite(.timeLimit(.minutes(1)))
struct SysfsDeviceDriverTests {
    @Test func ds18b20ReadsTheScratchpadAndRefusesFaults() async throws {
        let sysfs = try TemporarySysfs()
        defer { sysfs.remove() }
        let buses = SimulatedBusProvider(sysfsDirectory: sysfs.path)
        let sensor = try SimulatedDS18B20(id: "28-0000075c6f2b", sysfs: buses.sysfs)
        try sensor.setTemperature(23.125)
        let driver = try await DeviceDriverFactory.make(
            model: try catalogModel("ds18b20"), attachment: DeviceAttachment(port: "28-0000075c6f2b"), buses: buses)
        #expect(try await driver.sample() == [FieldReading(field: "temperature", value: .number(23.125))])

        try sensor.setFault(.badCRC)
        guard case .refused(.badChecksum(sensor: .ds18b20, _, _))? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("a CRC failure was not refused")
            return
        }
        try sensor.setFault(.powerOnValue)
        guard case .refused(.sentinelValue(sensor: .ds18b20, field: "temperature", value: 85, _))? =
            await driverFailure({ try await driver.sample() })
        else {
            Issue.record("the power-on 85 °C was not refused")
            return
        }
        try sensor.setFault(.allZero)
        guard case .refused(.sentinelValue(sensor: .ds18b20, _, value: 0, _))? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("an all-zero scratchpad was not refused")
            return
        }
        await driver.stop()
    }

    @Test func anUnpluggedDS18B20IsGoneUntilItReturns() async throws {
        let sysfs = try TemporarySysfs()
        defer { sysfs.remove() }
        let buses = SimulatedBusProvider(sysfsDirectory: sysfs.path)
        let sensor = try SimulatedDS18B20(sysfs: buses.sysfs)
        let directory = sensor.path
        let driver = try await DeviceDriverFactory.make(
            model: try catalogModel("ds18b20"), attachment: DeviceAttachment(port: directory), buses: buses)
        var events = driver.events.makeAsyncIterator()
        try sensor.unplug()
        guard case .gone? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("an unplugged sensor was not gone")
            return
        }
        guard case .gone? = await events.next() else {
            Issue.record("no gone event")
            return
        }
        try sensor.plugIn()
        try sensor.setTemperature(-10.5)
        #expect(number("temperature", in: try await driver.sample()) == -10.5)
        await driver.stop()
    }

    @Test func ds18b20IsBroughtToTheModelsResolutionOnce() async throws {
        let sysfs = try TemporarySysfs()
        defer { sysfs.remove() }
        let buses = SimulatedBusProvider(sysfsDirectory: sysfs.path)
        let sensor = try SimulatedDS18B20(sysfs: buses.sysfs)
        let driver = try await ds18b20Driver(asking: 9, for: sensor, on: buses)
        #expect(sensor.resolution.bits == 12)
        _ = try await driver.sample()
        #expect(sensor.resolution.bits == 9)
        try sensor.setTemperature(20)
        let w1Slave = try FileAccess.text(of: "\(sensor.path)/w1_slave")
        let scratchpad = try #require(try DS18B20Reading(w1Slave: w1Slave).scratchpad)
        #expect(DS18B20Resolution(configurationRegister: scratchpad[4]).bits == 9)

        // Set once per opening: a change behind the driver's back stays (the kernel's word).
        try FileAccess.overwrite("\(sensor.path)/resolution", with: "11\n")
        _ = try await driver.sample()
        #expect(sensor.resolution.bits == 11)
        await driver.stop()
        #expect(await notices(of: driver).isEmpty, "a resolution that could be set is no notice")
    }

    @Test func ds18b20ThatCannotBeSetIsANoticeNotAFailure() async throws {
        let sysfs = try TemporarySysfs()
        defer { sysfs.remove() }
        let buses = SimulatedBusProvider(sysfsDirectory: sysfs.path)
        // A kernel before 5.10: no resolution attribute; the scratchpad tells 12 bits.
        let sensor = try SimulatedDS18B20(resolutionAttribute: false, sysfs: buses.sysfs)
        try sensor.setTemperature(18.5)
        let driver = try await ds18b20Driver(asking: 10, for: sensor, on: buses)
        #expect(try await driver.sample() == [FieldReading(field: "temperature", value: .number(18.5))])
        _ = try await driver.sample()
        await driver.stop()
        let seen = await notices(of: driver)
        #expect(seen.count == 1, "one notice per opening, not per sample")
        #expect(seen.first?.contains("\(sensor.id) converts at 12 bits, the model asks for 10 bits") == true)
        #expect(seen.first?.contains("this kernel cannot change it") == true)
        #expect(sensor.resolution.bits == 12)
    }

    @Test func ds18b20AlreadyAtItsResolutionIsLeftAlone() async throws {
        let sysfs = try TemporarySysfs()
        defer { sysfs.remove() }
        let buses = SimulatedBusProvider(sysfsDirectory: sysfs.path)
        let sensor = try SimulatedDS18B20(resolution: try #require(DS18B20Resolution(bits: 11)), sysfs: buses.sysfs)
        let attribute = "\(sensor.path)/resolution"
        // Modified at the epoch: any write, even of the same value, would move that.
        var epoch = [timeval(), timeval()]
        #expect(utimes(attribute, &epoch) == 0)
        let driver = try await ds18b20Driver(asking: 11, for: sensor, on: buses)
        _ = try await driver.sample()
        var status = stat()
        #expect(stat(attribute, &status) == 0)
        #expect(status.st_mtim.tv_sec == 0, "the resolution was written though it was right")
        await driver.stop()
        #expect(await notices(of: driver).isEmpty)
    }

    @Test func ds18b20ResolutionWriteRefusedTellsHowToSetIt() async throws {
        let sysfs = try TemporarySysfs()
        defer { sysfs.remove() }
        let buses = SimulatedBusProvider(sysfsDirectory: sysfs.path)
        let sensor = try SimulatedDS18B20(sysfs: buses.sysfs)
        let device = sensor.path
        // An attribute no write can reach, even as root: a directory in its place stands for
        // the read-only /sys the systemd service sees.
        try FileAccess.remove("\(device)/resolution")
        try FileAccess.createDirectory("\(device)/resolution")
        let driver = try await ds18b20Driver(asking: 9, for: sensor, on: buses)
        _ = try await driver.sample()
        await driver.stop()
        let notice = try #require(await notices(of: driver).first)
        #expect(notice.contains("converts at 12 bits, the model asks for 9 bits; the gateway may not change it (writing resolution"))
        #expect(notice.contains("echo 9 > \(device)/resolution && echo save > \(device)/eeprom_cmd"))
    }

    @Test func iioReadsAKnownKernelDriverFoundByName() async throws {
        let sysfs = try TemporarySysfs()
        defer { sysfs.remove() }
        let buses = SimulatedBusProvider(sysfsDirectory: sysfs.path)
        _ = try SimulatedIIODevice(id: "iio:device0", name: "ads1015", sysfs: buses.sysfs)
        let dht = try SimulatedIIODevice(
            id: "iio:device1", kernelDriver: .dht11, values: ["temperature": 19.8, "humidity": 63.4], sysfs: buses.sysfs)
        let driver = try await DeviceDriverFactory.make(model: try catalogModel("dht22"), attachment: DeviceAttachment(), buses: buses)
        let readings = try await driver.sample()
        #expect(abs(number("temperature", in: readings) - 19.8) < 1e-9)
        #expect(abs(number("humidity", in: readings) - 63.4) < 1e-9)

        try dht.setAttribute("in_temp_input", to: "not a number\n")
        guard case .refused(.malformed(sensor: .iio, _))? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("a non-number attribute was not refused")
            return
        }
        try dht.set(95, of: IIOChannel(type: .temp))
        guard case .refused(.implausibleValue(sensor: .iio, _, _, _))? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("95 °C from a DHT22 was not refused")
            return
        }
        try dht.unplug()
        guard case .gone? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("an unbound IIO device was not gone")
            return
        }
        await driver.stop()
    }

    @Test func iioReadsListedChannelsWithRawScaleAndOffset() async throws {
        let sysfs = try TemporarySysfs()
        defer { sysfs.remove() }
        let buses = SimulatedBusProvider(sysfsDirectory: sysfs.path)
        let device = try SimulatedIIODevice(id: "iio:device3", name: "generic", sysfs: buses.sysfs)
        try device.setRaw(1200, scale: 0.5, of: IIOChannel(type: .illuminance))
        try device.setRaw(1000, scale: 1.5, offset: 100, of: IIOChannel(type: .voltage, index: 0))
        let driver = try await DeviceDriverFactory.make(
            model: try catalogModel("iio-generic"), attachment: DeviceAttachment(port: "iio:device3"), buses: buses)
        let readings = try await driver.sample()
        #expect(number("illuminance", in: readings) == 600)
        // (1000 + 100) × 1.5 mV.
        #expect(abs(number("voltage0", in: readings) - 1.65) < 1e-9)
        try device.removeAttribute("in_voltage0_raw")
        guard case .refused? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("a missing channel was not refused")
            return
        }
        await driver.stop()
    }

    /// The catalog's DS18B20 driver with the model asking for `bits` of resolution.
    private func ds18b20Driver(asking bits: Int, for sensor: SimulatedDS18B20, on buses: SimulatedBusProvider) async throws -> any DeviceDriver {
        let model = try catalogModel("ds18b20", replacing: "resolution: 12", with: "resolution: \(bits)")
        return try await DeviceDriverFactory.make(model: model, attachment: DeviceAttachment(port: sensor.id), buses: buses)
    }

    /// The notices of a stopped driver.
    private func notices(of driver: any DeviceDriver) async -> [String] {
        var notices: [String] = []
        for await event in driver.events {
            if case let .notice(text) = event { notices.append(text) }
        }
        return notices
    }
}
