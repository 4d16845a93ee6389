import Drivers
import Hardware
import Testing

@testable import Simulators

/// The I2C simulators against the project's decoders, without a driver.
struct SimulatedI2CDevicesTests {
    @Test func theBME280ImageIsTheAnchorsCalibration() throws {
        let image = SimulatedBME280.calibrationImage
        let decoded = try BME280Calibration(temperaturePressureBlock: image.temperaturePressure, humidityBlock: image.humidity)
        #expect(decoded == BME280RawEncoding(variant: .bme280).calibration)
    }

    @Test(arguments: [(-39.5, 30_500.0, 0.5), (0.0, 80_000.0, 12.3), (21.4, 101_325.0, 45.0), (84.9, 109_900.0, 99.5)])
    func rawWordsCompensateBackToThePhysicalValues(temperature: Double, pressure: Double, humidity: Double) throws {
        let encoding = BME280RawEncoding(variant: .bme280)
        let sample = encoding.sample(temperature: temperature, pressure: pressure, humidity: humidity)
        let reading = try BME280Reading(sample: sample, calibration: encoding.calibration, variant: .bme280)
        #expect(abs(reading.temperature - temperature) <= 0.01)
        #expect(abs(reading.pressure - pressure) <= 0.5)
        #expect(abs((reading.humidity ?? .nan) - humidity) <= 0.05)
    }

    @Test func anEmptyAddressIsNotAcknowledged() async throws {
        let bus = SimulatedI2CBus(name: "/dev/i2c-7")
        let address = try #require(I2CAddress(0x40))
        do {
            _ = try await bus.perform(.readByte(register: 0), at: address, packetErrorChecking: false)
            Issue.record("an empty address answered")
        } catch {
            #expect(error == .noAnswer(bus: "/dev/i2c-7", address: address))
        }
    }

    @Test func theBME280ConvertsOnAForcedTrigger() async throws {
        let sensor = SimulatedBME280()
        let bus = SimulatedI2CBus()
        let device = I2CDevice(bus: bus, address: try #require(I2CAddress(0x76)))
        bus.attach(sensor, at: device.address)
        #expect(try await device.readByte(register: 0xD0) == 0x60)
        try await device.writeByte(0x25, register: 0xF4)
        #expect(sensor.measurements == 1)
        // Back to sleep after the forced measurement.
        #expect(try await device.readByte(register: 0xF4) == 0x24)
    }

    @Test func sht3xWordsCarryTheirCRC() throws {
        let reading = try SHT3xReading(bytes: SimulatedSHT3x.bytes(temperature: 25, humidity: 50))
        #expect(abs(reading.temperature - 25) < 0.01)
        #expect(abs(reading.humidity - 50) < 0.01)
    }

    @Test func sht3xNACKsAReadWithoutAMeasurement() {
        let sensor = SimulatedSHT3x()
        #expect(sensor.respond(to: .combined([.read(count: 6)])) == nil)
        #expect(sensor.respond(to: .combined([.write([0x24, 0x00])])) == [])
        #expect(sensor.respond(to: .combined([.read(count: 6)]))?.count == 6)
    }

    @Test func ads1115ClipsToItsRange() {
        let adc = SimulatedADS1115()
        adc.setVoltage(5, input: 2)
        // AIN2, ±2.048 V, single shot.
        let config = ADS1115Configuration(input: .ain2, range: .volts2_048).registerValue
        #expect(adc.respond(to: .writeBlock(register: 0x01, bytes: [UInt8(config >> 8), UInt8(config & 0xFF)])) == [])
        #expect(adc.respond(to: .readBlock(register: 0x00, count: 2)) == [0x7F, 0xFF])
    }
}
