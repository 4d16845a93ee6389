/// Which of the two Bosch chips answered, known from its chip id (register 0xD0).
///
/// They share registers and compensation; the BMP280 has no humidity sensor, and two of its
/// standby times differ. Other ids are refused: 0x61 is a BME680 (a different chip), and 0x56/0x57
/// were pre-production BMP280 samples.
public enum BME280Variant: UInt8, Sendable, Hashable, CaseIterable {
    case bme280 = 0x60
    case bmp280 = 0x58

    public init(chipID: UInt8) throws(DriverError) {
        guard let variant = BME280Variant(rawValue: chipID) else {
            throw .badChipID(sensor: .bme280, expected: BME280Variant.allCases.map(\.rawValue), got: chipID)
        }
        self = variant
    }

    public var measuresHumidity: Bool {
        self == .bme280
    }

    /// Bytes to burst-read from `BME280Register.data`: the BMP280 stops before humidity.
    public var dataLength: Int {
        measuresHumidity ? 8 : 6
    }

    var sensor: SensorFamily {
        switch self {
        case .bme280: .bme280
        case .bmp280: .bmp280
        }
    }
}
