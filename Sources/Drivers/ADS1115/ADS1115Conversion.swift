/// One result from the ADS1115 conversion register: a signed 16-bit count, big-endian,
/// worth FSR/32768 volts per count.
public struct ADS1115Conversion: Sendable, Hashable {
    public var raw: Int16
    public var range: ADS1115Configuration.FullScaleRange

    public init(raw: Int16, range: ADS1115Configuration.FullScaleRange) {
        self.raw = raw
        self.range = range
    }

    /// Decodes the two bytes read from the conversion register.
    public init(bytes: [UInt8], range: ADS1115Configuration.FullScaleRange) throws(DriverError) {
        guard bytes.count == 2 else {
            throw .truncated(sensor: .ads1115, expected: 2, got: bytes.count)
        }
        self.init(raw: Int16(bitPattern: bytes.bigEndianUInt16(at: 0)), range: range)
    }

    public var volts: Double {
        Double(raw) * range.volts / 32768
    }

    /// The voltage as a measurement, refused when the converter saturated (0x7FFF or 0x8000):
    /// the input was beyond the full-scale range, so the count is a bound, not a value.
    public func measurement(field: String = "voltage") throws(DriverError) -> MeasuredValue {
        let lsb = range.volts / 32768
        let limit = (Double(Int16.min + 1) * lsb)...(Double(Int16.max - 1) * lsb)
        return MeasuredValue(field: field, value: try limit.admitting(volts, field: field, sensor: .ads1115), unit: .volt)
    }
}
