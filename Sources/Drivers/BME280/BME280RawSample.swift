/// The uncompensated ADC values from one burst read starting at 0xF7.
///
/// The burst must be one transaction: reading the registers one by one can mix two conversions.
public struct BME280RawSample: Sendable, Hashable {
    /// 20 bits.
    public var pressure: Int32
    /// 20 bits.
    public var temperature: Int32
    /// 16 bits; `nil` on a BMP280.
    public var humidity: Int32?

    /// What a 20-bit channel reads when its oversampling is "skipped" (and after a reset).
    public static let skipped20Bit: Int32 = 0x80000
    /// What the humidity channel reads when skipped.
    public static let skipped16Bit: Int32 = 0x8000

    public init(pressure: Int32, temperature: Int32, humidity: Int32?) {
        self.pressure = pressure
        self.temperature = temperature
        self.humidity = humidity
    }

    /// Decodes `variant.dataLength` bytes: press msb, lsb, xlsb; temp msb, lsb, xlsb; hum msb, lsb.
    public init(burst: [UInt8], variant: BME280Variant) throws(DriverError) {
        guard burst.count == variant.dataLength else {
            throw .truncated(sensor: variant.sensor, expected: variant.dataLength, got: burst.count)
        }
        func twentyBit(_ index: Int) -> Int32 {
            Int32(burst[index]) << 12 | Int32(burst[index + 1]) << 4 | Int32(burst[index + 2]) >> 4
        }
        self.init(
            pressure: twentyBit(0),
            temperature: twentyBit(3),
            humidity: variant.measuresHumidity ? Int32(burst.bigEndianUInt16(at: 6)) : nil
        )
    }
}
