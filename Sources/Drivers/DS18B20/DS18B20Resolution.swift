/// How finely a DS18B20 converts: 9 to 12 bits (0.5 to 0.0625 °C), kept in bits 5 and 6 of
/// its configuration register (scratchpad byte 4). The kernel's w1_therm reads and writes
/// it through the `resolution` attribute (Linux 5.10 and later).
public struct DS18B20Resolution: Sendable, Hashable, CustomStringConvertible {
    public static let bitRange = 9...12
    public static let factoryDefault = DS18B20Resolution(uncheckedBits: 12)

    public let bits: Int

    public init?(bits: Int) {
        guard Self.bitRange.contains(bits) else { return nil }
        self.bits = bits
    }

    private init(uncheckedBits bits: Int) {
        self.bits = bits
    }

    /// From the configuration register: R1 R0 = 00 is 9 bits, 11 is 12; the other bits are
    /// fixed (0 and five ones) and say nothing.
    public init(configurationRegister: UInt8) {
        bits = Int((configurationRegister >> 5) & 0b11) + Self.bitRange.lowerBound
    }

    /// What the `resolution` attribute shows: the bits as a number, and a newline.
    public init?(attribute text: String) {
        guard let bits = Int(text.trimmed) else { return nil }
        self.init(bits: bits)
    }

    /// The configuration register that selects it.
    public var configurationRegister: UInt8 {
        0x1F | UInt8(bits - Self.bitRange.lowerBound) << 5
    }

    public var description: String { "\(bits) bits" }
}
