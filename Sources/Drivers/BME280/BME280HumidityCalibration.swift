/// The humidity trimming values of a BME280 (dig_H1…dig_H6).
public struct BME280HumidityCalibration: Sendable, Hashable {
    public var h1: UInt8
    public var h2: Int16
    public var h3: UInt8
    /// Signed 12-bit.
    public var h4: Int16
    /// Signed 12-bit.
    public var h5: Int16
    public var h6: Int8

    public static let blockLength = 7

    public init(h1: UInt8, h2: Int16, h3: UInt8, h4: Int16, h5: Int16, h6: Int8) {
        self.h1 = h1
        self.h2 = h2
        self.h3 = h3
        self.h4 = h4
        self.h5 = h5
        self.h6 = h6
    }

    /// Decodes the 7 bytes read from 0xE1…0xE7, with `h1` from register 0xA1.
    ///
    /// H4 and H5 share register 0xE5: H4 = 0xE4 << 4 | low nibble of 0xE5, H5 = 0xE6 << 4 | high
    /// nibble of 0xE5. Both are signed 12-bit, so 0xE4 and 0xE6 are taken as signed bytes.
    public init(h1: UInt8, block: [UInt8]) throws(DriverError) {
        guard block.count == Self.blockLength else {
            throw .truncated(sensor: .bme280, expected: Self.blockLength, got: block.count)
        }
        self.init(
            h1: h1,
            h2: Int16(bitPattern: block.littleEndianUInt16(at: 0)),
            h3: block[2],
            h4: Int16(Int8(bitPattern: block[3])) * 16 | Int16(block[4] & 0x0F),
            h5: Int16(Int8(bitPattern: block[5])) * 16 | Int16(block[4] >> 4),
            h6: Int8(bitPattern: block[6])
        )
    }
}
