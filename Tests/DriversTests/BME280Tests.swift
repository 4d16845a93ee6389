import Testing
@testable import Drivers

/// Fixtures: anchors.md part (d), "BME280 / BMP280" — the BMP280 datasheet's worked calibration
/// set with the anchors' own humidity trimming, as a register image.
struct BME280Tests {
    static let temperaturePressureBlock = "70 6b 43 67 18 fc 7d 8e 43 d6 d0 0b 27 0b 8c 00 f9 ff 8c 3c f8 c6 70 17 00 4b"
    static let humidityBlock = "6a 01 00 13 2b 03 1e"
    /// The anchors' burst; its humidity word 0x8000 is the "skipped" pattern.
    static let anchorsBurst = "65 5a c0 7e ed 00 80 00"
    /// The same burst with a humidity word that is a measurement.
    static let burst = "65 5a c0 7e ed 00 7a 12"

    static func calibration() throws -> BME280Calibration {
        try BME280Calibration(
            temperaturePressureBlock: hexBytes(temperaturePressureBlock),
            humidityBlock: hexBytes(humidityBlock)
        )
    }

    @Test func chipIDSelectsTheVariant() throws {
        #expect(try BME280Variant(chipID: 0x60) == .bme280)
        #expect(try BME280Variant(chipID: 0x58) == .bmp280)
        #expect(BME280Variant.bme280.measuresHumidity && !BME280Variant.bmp280.measuresHumidity)
    }

    // 0x61 is a BME680; 0x56/0x57 pre-production BMP280s; 0x00/0xFF a bus with nothing on it.
    @Test(arguments: [UInt8(0x61), 0x56, 0x57, 0x00, 0xFF])
    func otherChipIDsAreRefused(id: UInt8) {
        #expect(driverError { try BME280Variant(chipID: id) } == .badChipID(sensor: .bme280, expected: [0x60, 0x58], got: id))
    }

    @Test func calibrationMatchesTheDatasheetValues() throws {
        let expected = BME280Calibration(
            t1: 27504, t2: 26435, t3: -1000,
            p1: 36477, p2: -10685, p3: 3024, p4: 2855, p5: 140, p6: -7, p7: 15500, p8: -14600, p9: 6000,
            humidity: BME280HumidityCalibration(h1: 75, h2: 362, h3: 0, h4: 315, h5: 50, h6: 30)
        )
        #expect(try Self.calibration() == expected)
    }

    // H4 = signed(0xE4)·16 + (0xE5 & 0x0F), H5 = signed(0xE6)·16 + (0xE5 >> 4), signed 12-bit.
    @Test func humidityTrimmingUnpacksSigned12BitValues() throws {
        let trimming = try BME280HumidityCalibration(h1: 75, block: hexBytes("6a 01 00 f3 2b f0 1e"))
        #expect(trimming.h4 == -13 * 16 + 0xB)
        #expect(trimming.h5 == -16 * 16 + 0x2)
    }

    @Test(arguments: [
        ("00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", humidityBlock,
         DriverError.invalidCalibration(sensor: .bme280, reason: "trimming block reads all 0x0")),
        ("ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff", humidityBlock,
         .invalidCalibration(sensor: .bme280, reason: "trimming block reads all 0xFF")),
        (temperaturePressureBlock, "ff ff ff ff ff ff ff",
         .invalidCalibration(sensor: .bme280, reason: "trimming block reads all 0xFF")),
        ("70 6b 43 67 18 fc 00 00 43 d6 d0 0b 27 0b 8c 00 f9 ff 8c 3c f8 c6 70 17 00 4b", humidityBlock,
         .invalidCalibration(sensor: .bme280, reason: "dig_T1 or dig_P1 is zero")),
        ("70 6b 43 67 18 fc 7d 8e 43 d6 d0 0b 27 0b 8c 00 f9 ff 8c 3c f8 c6 70 17 00", humidityBlock,
         .truncated(sensor: .bme280, expected: 26, got: 25)),
        (temperaturePressureBlock, "6a 01 00 13 2b 03", .truncated(sensor: .bme280, expected: 7, got: 6)),
    ])
    func badCalibrationIsRefused(block: String, humidity: String, expected: DriverError) throws {
        let (block, humidity) = (try hexBytes(block), try hexBytes(humidity))
        #expect(driverError { try BME280Calibration(temperaturePressureBlock: block, humidityBlock: humidity) } == expected)
    }

    // anchors.md worked example: v1 = 128793, v2 = −371, t_fine = 128422, T = 2508 (25.08 °C);
    // P = 25767233/256 Pa (datasheet table: 100653.27 Pa, ±0.05 allowed). The anchors' humidity
    // word 0x8000 is the chip's "skipped" pattern, never a measurement, so humidity is checked
    // with 0x7A12: H = 62701/1024 = 61.231 %RH (the floating-point formula gives 61.235).
    @Test func integerCompensationMatchesTheWorkedExample() throws {
        let calibration = try Self.calibration()
        let (centidegrees, fine) = BME280Compensation.temperature(adc: 519_888, calibration: calibration)
        #expect(centidegrees == 2508)
        #expect(fine == 128_422)
        let pressure = try BME280Compensation.pressure(adc: 415_148, fine: fine, calibration: calibration)
        #expect(pressure == 25_767_233)
        #expect(abs(Double(pressure) / 256 - 100_653.27) <= 0.05)
        let humidity = try #require(calibration.humidity)
        #expect(BME280Compensation.humidity(adc: 0x7A12, fine: fine, calibration: humidity) == 62_701)
    }

    @Test func burstDecodesToAReading() throws {
        let sample = try BME280RawSample(burst: hexBytes(Self.burst), variant: .bme280)
        #expect(sample == BME280RawSample(pressure: 415_148, temperature: 519_888, humidity: 0x7A12))
        let reading = try BME280Reading(sample: sample, calibration: Self.calibration(), variant: .bme280)
        #expect(reading.temperature == 25.08)
        #expect(reading.pressure == 25_767_233.0 / 256)
        // Datasheet floating-point formula (section 8.1) gives 61.235 %RH for this word.
        #expect(abs((reading.humidity ?? 0) - 61.235) < 0.01)
        #expect(reading.measurements.map(\.field) == ["temperature", "pressure", "humidity"])
        #expect(reading.measurements.map(\.unit) == [.celsius, .pascal, .percentRelativeHumidity])
    }

    @Test func bmp280HasNoHumidity() throws {
        let calibration = try BME280Calibration(temperaturePressureBlock: hexBytes(Self.temperaturePressureBlock), humidityBlock: nil)
        let sample = try BME280RawSample(burst: hexBytes("65 5a c0 7e ed 00"), variant: .bmp280)
        let reading = try BME280Reading(sample: sample, calibration: calibration, variant: .bmp280)
        #expect(reading.temperature == 25.08)
        #expect(reading.humidity == nil)
        #expect(reading.measurements.count == 2)
    }

    @Test(arguments: [
        (anchorsBurst, DriverError.measurementSkipped(sensor: .bme280, field: "humidity")),
        ("80 00 00 7e ed 00 7a 12", .measurementSkipped(sensor: .bme280, field: "pressure")),
        ("65 5a c0 80 00 00 7a 12", .measurementSkipped(sensor: .bme280, field: "temperature")),
        ("65 5a c0 7e ed 00", .truncated(sensor: .bme280, expected: 8, got: 6)),
        // adcP = 0 compensates to 173199 Pa.
        ("00 00 00 7e ed 00 7a 12", .implausibleValue(
            sensor: .bme280, field: "pressure", value: 173_199.49609375, limit: BME280Reading.pressureLimit)),
    ])
    func badSamplesAreRefused(burst: String, expected: DriverError) throws {
        let calibration = try Self.calibration()
        let bytes = try hexBytes(burst)
        let error = driverError {
            try BME280Reading(
                sample: BME280RawSample(burst: bytes, variant: .bme280), calibration: calibration, variant: .bme280
            )
        }
        #expect(error == expected)
    }

    @Test func hotGarbageIsRefusedByRange() throws {
        let sample = BME280RawSample(pressure: 415_148, temperature: 0xFFFFF, humidity: 0x7A12)
        let calibration = try Self.calibration()
        let error = driverError { try BME280Reading(sample: sample, calibration: calibration, variant: .bme280) }
        guard case let .implausibleValue(_, field, value, limit) = error else {
            Issue.record("expected implausibleValue, got \(String(describing: error))")
            return
        }
        #expect(field == "temperature" && value > 85 && limit == BME280Reading.temperatureLimit)
    }

    // Datasheet section 3.5: weather monitoring (forced, ×1 each, filter off) and indoor
    // navigation (normal, T ×2, P ×16, H ×1, filter 16, standby 0.5 ms); section 9.1 timing.
    @Test(arguments: [
        (BME280Settings.weatherMonitoring, BME280Variant.bme280, [(0xF4, 0x24), (0xF2, 0x01), (0xF5, 0xA0), (0xF4, 0x25)], 9_300),
        (BME280Settings(
            temperatureOversampling: .x2, pressureOversampling: .x16, humidityOversampling: .x1,
            mode: .normal, standby: .ms0_5, filter: .coefficient16),
         .bme280, [(0xF4, 0x54), (0xF2, 0x01), (0xF5, 0x10), (0xF4, 0x57)], 46_100),
        (BME280Settings(mode: .normal, standby: .ms4000), .bmp280, [(0xF4, 0x24), (0xF5, 0xE0), (0xF4, 0x27)], 6_425),
    ] as [(BME280Settings, BME280Variant, [(UInt8, UInt8)], Int)])
    func settingsBecomeRegisterWrites(
        settings: BME280Settings, variant: BME280Variant, writes: [(UInt8, UInt8)], microseconds: Int
    ) throws {
        let expected = writes.map { RegisterWrite(register: $0.0, value: $0.1) }
        #expect(try settings.registerWrites(for: variant) == expected)
        #expect(settings.maximumMeasurementTime(for: variant) == .microseconds(microseconds))
    }

    @Test(arguments: [
        (BME280Settings.StandbyTime.ms2000, BME280Variant.bme280),
        (.ms4000, .bme280),
        (.ms10, .bmp280),
        (.ms20, .bmp280),
    ])
    func standbyTimesOfTheOtherChipAreRefused(standby: BME280Settings.StandbyTime, variant: BME280Variant) {
        let settings = BME280Settings(mode: .normal, standby: standby)
        guard case .invalidSetting(_, "standby", _) = driverError({ try settings.registerWrites(for: variant) }) else {
            Issue.record("standby \(standby) accepted on \(variant)")
            return
        }
    }
}
