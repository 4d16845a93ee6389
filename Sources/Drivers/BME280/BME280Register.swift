/// Register addresses of the Bosch BME280/BMP280 (datasheet section 5.3, "Memory map").
public enum BME280Register: UInt8, Sendable, CaseIterable {
    /// Start of the temperature and pressure trimming block, 0x88…0xA1 (26 bytes, 0xA1 is dig_H1).
    case calibrationTemperaturePressure = 0x88
    case chipID = 0xD0
    /// Write `BME280Register.softResetCommand` here to reset the chip.
    case reset = 0xE0
    /// Start of the humidity trimming block, 0xE1…0xE7 (7 bytes, BME280 only).
    case calibrationHumidity = 0xE1
    case controlHumidity = 0xF2
    case status = 0xF3
    case controlMeasurement = 0xF4
    case config = 0xF5
    /// Start of the data burst 0xF7…0xFE: pressure, temperature, humidity.
    case data = 0xF7

    /// The value that resets the chip when written to `reset`.
    public static let softResetCommand: UInt8 = 0xB6
}
