/// Bosch's integer compensation for the BME280/BMP280 (datasheet section 4.2.3).
///
/// Every shift is parenthesised as in the reference: in Swift `>>` binds tighter than `*`.
///
/// The reference uses 32-bit integers for temperature and humidity and 64-bit for pressure.
/// Here everything runs in `Int64` with wrapping operators: for every input a real chip produces
/// the results are identical to the reference, and garbage from a bad transfer cannot trap the
/// process. Garbage still comes out as garbage; `BME280Reading` refuses it by range.
public enum BME280Compensation {
    /// Temperature in 0.01 °C, and `fine`, the value pressure and humidity compensation need (t_fine).
    public static func temperature(
        adc: Int32,
        calibration c: BME280Calibration
    ) -> (centidegrees: Int64, fine: Int64) {
        let adc = Int64(adc)
        let t1 = Int64(c.t1)
        let v1 = (((adc >> 3) &- (t1 << 1)) &* Int64(c.t2)) >> 11
        let delta = (adc >> 4) &- t1
        let v2 = (((delta &* delta) >> 12) &* Int64(c.t3)) >> 14
        let fine = v1 &+ v2
        return ((fine &* 5 &+ 128) >> 8, fine)
    }

    /// Pressure in Pa as unsigned Q24.8 (divide by 256 for pascal).
    public static func pressure(
        adc: Int32,
        fine: Int64,
        calibration c: BME280Calibration
    ) throws(DriverError) -> Int64 {
        var a = fine &- 128_000
        var b = a &* a &* Int64(c.p6)
        b = b &+ ((a &* Int64(c.p5)) << 17)
        b = b &+ (Int64(c.p4) << 35)
        a = ((a &* a &* Int64(c.p3)) >> 8) &+ ((a &* Int64(c.p2)) << 12)
        a = (((1 << 47) &+ a) &* Int64(c.p1)) >> 33
        guard a != 0 else {
            throw .invalidCalibration(sensor: .bme280, reason: "pressure compensation would divide by zero")
        }
        let numerator = (((1_048_576 &- Int64(adc)) << 31) &- b) &* 3125
        // The reference divides in C, truncating toward zero, as Swift's division does.
        let (quotient, overflow) = numerator.dividedReportingOverflow(by: a)
        guard !overflow else {
            throw .invalidCalibration(sensor: .bme280, reason: "pressure compensation overflows")
        }
        let p = quotient
        let v1 = (Int64(c.p9) &* (p >> 13) &* (p >> 13)) >> 25
        let v2 = (Int64(c.p8) &* p) >> 19
        return ((p &+ v1 &+ v2) >> 8) &+ (Int64(c.p7) << 4)
    }

    /// Relative humidity as unsigned Q22.10 (divide by 1024 for %RH), clamped to 0…100 %.
    public static func humidity(
        adc: Int32,
        fine: Int64,
        calibration h: BME280HumidityCalibration
    ) -> Int64 {
        let x = fine &- 76_800
        let offset = ((Int64(adc) << 14) &- (Int64(h.h4) << 20) &- (Int64(h.h5) &* x) &+ 16_384) >> 15
        let heatTerm = (((x &* Int64(h.h6)) >> 10) &* (((x &* Int64(h.h3)) >> 11) &+ 32_768)) >> 10
        let gain = ((heatTerm &+ 2_097_152) &* Int64(h.h2) &+ 8_192) >> 14
        var v = offset &* gain
        v = v &- (((((v >> 15) &* (v >> 15)) >> 7) &* Int64(h.h1)) >> 4)
        v = min(max(v, 0), 419_430_400)
        return v >> 12
    }
}
