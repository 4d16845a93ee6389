import Drivers
import Hardware
import Simulators
import Testing

/// BME280, SHT3x and ADS1115 drivers on a simulated I2C bus.
@Suite(.timeLimit(.minutes(1)))
struct I2CDeviceDriverTests {
    let buses = SimulatedBusProvider(sysfsDirectory: "/nonexistent")
    let clock = ManualClock()

    func make(_ model: DeviceModel, bus: String = "1", address: Int? = nil) async throws -> any DeviceDriver {
        try await DeviceDriverFactory.make(
            model: model, attachment: DeviceAttachment(port: bus, address: address), buses: buses, clock: clock)
    }

    @Test func bme280ReadsThePhysicalValuesBack() async throws {
        let sensor = SimulatedBME280()
        buses.simulatedI2CBus("/dev/i2c-1").attach(sensor, at: try #require(I2CAddress(0x76)))
        sensor.temperature = 21.4
        sensor.pressure = 98_765.4
        sensor.humidity = 55.5
        let driver = try await make(try catalogModel("bme280"))
        let readings = try await driver.sample()
        #expect(abs(number("temperature", in: readings) - 21.4) <= 0.01)
        #expect(abs(number("pressure", in: readings) - 98_765.4) <= 0.5)
        #expect(abs(number("humidity", in: readings) - 55.5) <= 0.05)
        // One measurement at start (the settings' final write), one per sample.
        #expect(sensor.measurements == 2)
        #expect(sensor.register(0xF2) == 0x01)
        await driver.stop()
    }

    @Test func bme280InNormalModeReadsTheLatestMeasurement() async throws {
        let sensor = SimulatedBME280()
        buses.simulatedI2CBus("1").attach(sensor, at: try #require(I2CAddress(0x76)))
        let model = try catalogModel("bme280", replacing: "iir_filter: \"off\"", with: "iir_filter: \"off\"\n  mode: normal")
        let driver = try await make(model)
        // ctrl_meas: ×1, ×1, normal; config: standby 1000 ms, filter off.
        #expect(sensor.register(0xF4) == 0x27)
        #expect(sensor.register(0xF5) == 0xA0)
        sensor.temperature = 30.5
        #expect(abs(number("temperature", in: try await driver.sample()) - 30.5) <= 0.01)
        // No trigger was written: the chip kept measuring.
        #expect(sensor.register(0xF4) == 0x27)
        await driver.stop()
    }

    @Test func bmp280HasNoHumidity() async throws {
        let sensor = SimulatedBME280(variant: .bmp280)
        buses.simulatedI2CBus("1").attach(sensor, at: try #require(I2CAddress(0x77)))
        sensor.temperature = -12.3
        let driver = try await make(try catalogModel("bmp280"), address: 0x77)
        let readings = try await driver.sample()
        #expect(abs(number("temperature", in: readings) + 12.3) <= 0.01)
        #expect(value("humidity", in: readings) == nil)
        await driver.stop()
    }

    @Test func theWrongChipIsRefusedAtStart() async throws {
        buses.simulatedI2CBus("1").attach(SimulatedBME280(variant: .bmp280), at: try #require(I2CAddress(0x76)))
        let model = try catalogModel("bme280")
        guard case .refused(.badChipID(sensor: .bme280, expected: [0x60], got: 0x58))? =
            await driverFailure({ try await make(model) })
        else {
            Issue.record("a BMP280 was taken for a BME280")
            return
        }
    }

    @Test func anEmptyAddressIsABusErrorAtStart() async throws {
        let model = try catalogModel("bme280")
        guard case .bus? = await driverFailure({ try await make(model) }) else {
            Issue.record("no NACK from an empty address")
            return
        }
    }

    @Test func corruptBME280DataIsRefusedAndAVanishedChipIsABusError() async throws {
        let sensor = SimulatedBME280()
        let bus = buses.simulatedI2CBus("i2c-1")
        let address = try #require(I2CAddress(0x76))
        bus.attach(sensor, at: address)
        let driver = try await make(try catalogModel("bme280"), bus: "/dev/i2c-1")
        sensor.fault = .corrupt
        guard case .refused(.implausibleValue(sensor: .bme280, field: "temperature", _, _))? =
            await driverFailure({ try await driver.sample() })
        else {
            Issue.record("all-ones data was not refused")
            return
        }
        bus.detach(at: address)
        guard case .bus? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("a detached chip answered")
            return
        }
        await driver.stop()
    }

    @Test func sht3xReadsBothWordsWithTheirCRC() async throws {
        let sensor = SimulatedSHT3x()
        buses.simulatedI2CBus("1").attach(sensor, at: try #require(I2CAddress(0x44)))
        sensor.temperature = 23.45
        sensor.humidity = 61.2
        let driver = try await make(try catalogModel("sht3x"))
        let readings = try await driver.sample()
        #expect(abs(number("temperature", in: readings) - 23.45) < 0.01)
        #expect(abs(number("humidity", in: readings) - 61.2) < 0.01)
        sensor.fault = .corrupt
        guard case .refused(.badChecksum(sensor: .sht3x, _, _))? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("a word with a bad CRC was not refused")
            return
        }
        sensor.fault = .noAnswer
        guard case .bus? = await driverFailure({ try await driver.sample() }) else {
            Issue.record("a chip that does not acknowledge answered")
            return
        }
        await driver.stop()
    }

    @Test func ads1115ConvertsEachChannel() async throws {
        let adc = SimulatedADS1115()
        buses.simulatedI2CBus("1").attach(adc, at: try #require(I2CAddress(0x48)))
        adc.setVoltage(1.2345, input: 0)
        adc.setVoltage(3.3, input: 1)
        let driver = try await make(try catalogModel("ads1115"))
        let readings = try await driver.sample()
        let lsb = 4.096 / 32768
        #expect(abs(number("voltage0", in: readings) - 1.2345) <= lsb)
        #expect(abs(number("voltage1", in: readings) - 3.3) <= lsb)
        await driver.stop()
    }

    @Test func anADS1115ThatNeverFinishesIsATimeout() async throws {
        let adc = SimulatedADS1115()
        buses.simulatedI2CBus("1").attach(adc, at: try #require(I2CAddress(0x48)))
        adc.fault = .corrupt
        let driver = try await make(try catalogModel("ads1115"))
        let sampling = Task { await driverFailure({ try await driver.sample() }) }
        // Three waits of one conversion time (128 SPS: 8 ms) between four polls.
        for _ in 0..<3 {
            await clock.waitForSleepers()
            clock.advance(by: .milliseconds(8))
        }
        guard case .timeout? = await sampling.value else {
            Issue.record("a conversion that never ends did not time out")
            return
        }
        await driver.stop()
    }
}
