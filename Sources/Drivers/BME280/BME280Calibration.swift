/// The factory trimming values of a BME280/BMP280 (dig_T1…dig_P9, and dig_H1…dig_H6 on a BME280).
///
/// Read once when the device is attached and again after every re-attach: a replaced sensor on
/// the same address has different trimming, and stale values give plausible but wrong readings.
public struct BME280Calibration: Sendable, Hashable {
    public var t1: UInt16
    public var t2: Int16
    public var t3: Int16
    public var p1: UInt16
    public var p2: Int16
    public var p3: Int16
    public var p4: Int16
    public var p5: Int16
    public var p6: Int16
    public var p7: Int16
    public var p8: Int16
    public var p9: Int16
    /// Absent on a BMP280.
    public var humidity: BME280HumidityCalibration?

    /// Bytes in the block read from 0x88…0xA1.
    public static let temperaturePressureBlockLength = 26

    public init(
        t1: UInt16, t2: Int16, t3: Int16,
        p1: UInt16, p2: Int16, p3: Int16, p4: Int16, p5: Int16, p6: Int16, p7: Int16, p8: Int16, p9: Int16,
        humidity: BME280HumidityCalibration?
    ) {
        self.t1 = t1
        self.t2 = t2
        self.t3 = t3
        self.p1 = p1
        self.p2 = p2
        self.p3 = p3
        self.p4 = p4
        self.p5 = p5
        self.p6 = p6
        self.p7 = p7
        self.p8 = p8
        self.p9 = p9
        self.humidity = humidity
    }

    /// Decodes the blocks read from 0x88…0xA1 and, for a BME280, 0xE1…0xE7 (pass `nil` for a BMP280).
    ///
    /// Refuses blocks that are all 0x00 or all 0xFF (what a failed or unpowered read returns) and a
    /// zero dig_T1 or dig_P1, which no chip carries and which would make pressure divide by zero.
    public init(temperaturePressureBlock block: [UInt8], humidityBlock: [UInt8]?) throws(DriverError) {
        guard block.count == Self.temperaturePressureBlockLength else {
            throw .truncated(sensor: .bme280, expected: Self.temperaturePressureBlockLength, got: block.count)
        }
        for suspicious: UInt8 in [0x00, 0xFF] {
            if block.allSatisfy({ $0 == suspicious }) || humidityBlock?.allSatisfy({ $0 == suspicious }) == true {
                throw .invalidCalibration(
                    sensor: .bme280,
                    reason: "trimming block reads all 0x\(String(suspicious, radix: 16, uppercase: true))"
                )
            }
        }
        func signed(_ index: Int) -> Int16 {
            Int16(bitPattern: block.littleEndianUInt16(at: index))
        }
        self.init(
            t1: block.littleEndianUInt16(at: 0), t2: signed(2), t3: signed(4),
            p1: block.littleEndianUInt16(at: 6), p2: signed(8), p3: signed(10), p4: signed(12),
            p5: signed(14), p6: signed(16), p7: signed(18), p8: signed(20), p9: signed(22),
            // 0x88 + 24 is 0xA0, unused; 0xA1 (index 25) is dig_H1.
            humidity: try humidityBlock.map { (humidityBlock) throws(DriverError) in
                try BME280HumidityCalibration(h1: block[25], block: humidityBlock)
            }
        )
        guard t1 != 0, p1 != 0 else {
            throw .invalidCalibration(sensor: .bme280, reason: "dig_T1 or dig_P1 is zero")
        }
    }
}
