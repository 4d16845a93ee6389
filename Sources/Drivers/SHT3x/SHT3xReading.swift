/// One SHT3x measurement decoded from the 6 bytes it returns:
/// temperature word, its CRC, humidity word, its CRC.
public struct SHT3xReading: Sendable, Hashable {
    public var temperature: Double
    /// %RH.
    public var humidity: Double

    public static let length = 6
    /// The sensor's specified range; the conversion formula alone spans −45…130 °C.
    public static let temperatureLimit: ClosedRange<Double> = -40...125

    /// Checks both CRCs (CRC-8 0x31, start 0xFF) before converting:
    /// T = −45 + 175·S/65535 °C, RH = 100·S/65535 %.
    public init(bytes: [UInt8]) throws(DriverError) {
        guard bytes.count == Self.length else {
            throw .truncated(sensor: .sht3x, expected: Self.length, got: bytes.count)
        }
        let temperatureWord = try Self.checkedWord(bytes, at: 0)
        let humidityWord = try Self.checkedWord(bytes, at: 3)
        temperature = try Self.temperatureLimit.admitting(
            -45 + 175 * Double(temperatureWord) / 65535, field: "temperature", sensor: .sht3x
        )
        humidity = 100 * Double(humidityWord) / 65535
    }

    public var measurements: [MeasuredValue] {
        [
            MeasuredValue(field: "temperature", value: temperature, unit: .celsius),
            MeasuredValue(field: "humidity", value: humidity, unit: .percentRelativeHumidity),
        ]
    }

    private static func checkedWord(_ bytes: [UInt8], at index: Int) throws(DriverError) -> UInt16 {
        let computed = CRC8.sensirion.checksum(bytes[index..<(index + 2)])
        guard computed == bytes[index + 2] else {
            throw .badChecksum(sensor: .sht3x, expected: UInt16(computed), actual: UInt16(bytes[index + 2]))
        }
        return bytes.bigEndianUInt16(at: index)
    }
}
