import Drivers

/// The inverse of Bosch's compensation for the simulator's calibration: the raw ADC words a
/// chip would report for given physical values. Each compensated quantity is monotonic in
/// its ADC word, so a binary search over the word finds the one that compensates closest.
struct BME280RawEncoding {
    let variant: BME280Variant
    let calibration: BME280Calibration

    init(variant: BME280Variant) {
        self.variant = variant
        // The values `calibrationImage` decodes to (SimulatorsTests checks that they agree).
        calibration = BME280Calibration(
            t1: 27504, t2: 26435, t3: -1000,
            p1: 36477, p2: -10685, p3: 3024, p4: 2855, p5: 140, p6: -7, p7: 15500, p8: -14600, p9: 6000,
            humidity: variant.measuresHumidity ? BME280HumidityCalibration(h1: 75, h2: 362, h3: 0, h4: 315, h5: 50, h6: 30) : nil
        )
    }

    /// Raw words for °C, Pa and %RH.
    func sample(temperature: Double, pressure: Double, humidity: Double) -> BME280RawSample {
        let calibration = self.calibration
        let adcT = Self.search(in: 0...0xFFFFF, skipping: BME280RawSample.skipped20Bit, target: temperature * 100, increasing: true) {
            Double(BME280Compensation.temperature(adc: $0, calibration: calibration).centidegrees)
        }
        let fine = BME280Compensation.temperature(adc: adcT, calibration: calibration).fine
        let adcP = Self.search(in: 0...0xFFFFF, skipping: BME280RawSample.skipped20Bit, target: pressure * 256, increasing: false) {
            Double((try? BME280Compensation.pressure(adc: $0, fine: fine, calibration: calibration)) ?? 0)
        }
        var adcH: Int32?
        if variant.measuresHumidity, let trimming = calibration.humidity {
            adcH = Self.search(in: 0...0xFFFF, skipping: BME280RawSample.skipped16Bit, target: humidity * 1024, increasing: true) {
                Double(BME280Compensation.humidity(adc: $0, fine: fine, calibration: trimming))
            }
        }
        return BME280RawSample(pressure: adcP, temperature: adcT, humidity: adcH)
    }

    /// The word in `range` whose compensated value is closest to `target`, never `skipped`.
    private static func search(
        in range: ClosedRange<Int32>, skipping skipped: Int32, target: Double, increasing: Bool, value: (Int32) -> Double
    ) -> Int32 {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = low + (high - low) / 2
            let below = increasing ? value(middle) < target : value(middle) > target
            if below { low = middle + 1 } else { high = middle }
        }
        let candidates = [low - 1, low].filter { range.contains($0) && $0 != skipped }
        return candidates.min { abs(value($0) - target) < abs(value($1) - target) } ?? low + 1
    }
}
