/// A CRC-8 as the sensor vendors define it: polynomial, start value and bit order.
///
/// Sensirion (SHT3x) and Dallas/Maxim (1-Wire, DS18B20) both use x⁸+x⁵+x⁴+1 but differ in
/// start value and bit order, so one type with two presets serves both.
public struct CRC8: Sendable, Hashable {
    /// The polynomial without the x⁸ term; for a reflected CRC, in reflected (LSB-first) form.
    public var polynomial: UInt8
    public var initial: UInt8
    /// Whether bits are processed least significant first.
    public var reflected: Bool

    public init(polynomial: UInt8, initial: UInt8, reflected: Bool) {
        self.polynomial = polynomial
        self.initial = initial
        self.reflected = reflected
    }

    /// Sensirion: polynomial 0x31, start 0xFF, MSB first, no final XOR. Check: 0xBE 0xEF → 0x92.
    public static let sensirion = CRC8(polynomial: 0x31, initial: 0xFF, reflected: false)

    /// Dallas/Maxim 1-Wire: polynomial 0x31 reflected (0x8C), start 0, LSB first.
    /// The CRC of all-zero bytes is zero, so a bus that reads all zeros "passes".
    public static let maxim = CRC8(polynomial: 0x8C, initial: 0x00, reflected: true)

    public func checksum(_ bytes: some Sequence<UInt8>) -> UInt8 {
        var crc = initial
        for byte in bytes {
            crc ^= byte
            for _ in 0..<8 {
                if reflected {
                    crc = crc & 0x01 != 0 ? (crc >> 1) ^ polynomial : crc >> 1
                } else {
                    crc = crc & 0x80 != 0 ? (crc << 1) ^ polynomial : crc << 1
                }
            }
        }
        return crc
    }
}
