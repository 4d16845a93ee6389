/// What a simulated I2C device does wrong, until told otherwise.
public enum I2CFault: Sendable, Hashable, CaseIterable {
    case none
    /// Acknowledges nothing, as an unpowered or miswired chip.
    case noAnswer
    /// Answers with data that is wrong: a bad CRC where the chip sends one (SHT3x), all-ones
    /// data where it does not (BME280), a conversion that never completes (ADS1115).
    case corrupt
}
