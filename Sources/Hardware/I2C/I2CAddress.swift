/// A 7-bit I2C device address, such as 0x76 for a BME280 with SDO low.
public struct I2CAddress: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: UInt8

    /// `nil` outside 0x00…0x7F: 10-bit addresses are not supported.
    public init?(_ value: Int) {
        guard (0...0x7F).contains(value) else { return nil }
        rawValue = UInt8(value)
    }

    public static func < (lhs: I2CAddress, rhs: I2CAddress) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// `0x76`, as data sheets and `i2cdetect` write it.
    public var description: String {
        let hex = String(rawValue, radix: 16)
        return "0x" + (hex.count == 1 ? "0" + hex : hex)
    }
}
