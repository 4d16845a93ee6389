/// What a simulated DS18B20 does wrong, until told otherwise.
public enum OneWireFault: Sendable, Hashable, CaseIterable {
    case none
    /// The scratchpad fails its CRC: the kernel says `crc=… NO`.
    case badCRC
    /// The power-on value, 85 °C: the sensor reset and has not converted yet.
    case powerOnValue
    /// All zeros, as a bus held low reads (whose CRC is zero too).
    case allZero
}
