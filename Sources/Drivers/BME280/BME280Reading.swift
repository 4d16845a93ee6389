/// One compensated BME280/BMP280 measurement, refused if the chip reported a skipped channel
/// or a value outside its operating range.
public struct BME280Reading: Sendable, Hashable {
    public var temperature: Double
    /// Pascal.
    public var pressure: Double
    /// %RH; `nil` on a BMP280.
    public var humidity: Double?

    /// Operating range from the datasheet's specification table.
    public static let temperatureLimit: ClosedRange<Double> = -40...85
    /// 300…1100 hPa, the datasheet's operating range.
    public static let pressureLimit: ClosedRange<Double> = 30_000...110_000

    /// Compensates `sample` with `calibration`.
    ///
    /// The "skipped" patterns (0x80000, 0x8000) are refused rather than compensated: a chip that
    /// browned out and reset reads them with every setting back at zero, and they compensate to
    /// numbers that look like weather.
    public init(
        sample: BME280RawSample,
        calibration: BME280Calibration,
        variant: BME280Variant
    ) throws(DriverError) {
        let sensor = variant.sensor
        guard sample.temperature != BME280RawSample.skipped20Bit else {
            throw .measurementSkipped(sensor: sensor, field: "temperature")
        }
        guard sample.pressure != BME280RawSample.skipped20Bit else {
            throw .measurementSkipped(sensor: sensor, field: "pressure")
        }
        let (centidegrees, fine) = BME280Compensation.temperature(adc: sample.temperature, calibration: calibration)
        temperature = try Self.temperatureLimit.admitting(
            Double(centidegrees) / 100, field: "temperature", sensor: sensor
        )
        let q24 = try BME280Compensation.pressure(adc: sample.pressure, fine: fine, calibration: calibration)
        pressure = try Self.pressureLimit.admitting(Double(q24) / 256, field: "pressure", sensor: sensor)

        guard variant.measuresHumidity else {
            humidity = nil
            return
        }
        guard let adcHumidity = sample.humidity else {
            throw .malformed(sensor: sensor, reason: "sample has no humidity channel, decoded for a BMP280")
        }
        guard adcHumidity != BME280RawSample.skipped16Bit else {
            throw .measurementSkipped(sensor: sensor, field: "humidity")
        }
        guard let trimming = calibration.humidity else {
            throw .invalidCalibration(sensor: sensor, reason: "no humidity trimming (0xE1…0xE7) for a BME280")
        }
        let q22 = BME280Compensation.humidity(adc: adcHumidity, fine: fine, calibration: trimming)
        humidity = Double(q22) / 1024
    }

    public var measurements: [MeasuredValue] {
        var values = [
            MeasuredValue(field: "temperature", value: temperature, unit: .celsius),
            MeasuredValue(field: "pressure", value: pressure, unit: .pascal),
        ]
        if let humidity {
            values.append(MeasuredValue(field: "humidity", value: humidity, unit: .percentRelativeHumidity))
        }
        return values
    }

}
