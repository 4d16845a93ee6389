/// One data frame of a Plantower PMS5003/PMS7003: `42 4D`, length 28, thirteen big-endian
/// 16-bit values, a 16-bit sum of the 30 bytes before it.
public struct PMSFrame: StreamFrame, Hashable {
    /// PM1.0, PM2.5 and PM10 in µg/m³, "CF=1, standard particle" (factory calibration).
    public var standard: PMSMassConcentration
    /// PM1.0, PM2.5 and PM10 in µg/m³, "atmospheric environment": what to publish by default.
    public var atmospheric: PMSMassConcentration
    /// Particles above 0.3, 0.5, 1.0, 2.5, 5.0 and 10 µm per 0.1 L of air.
    public var particleCounts: [Int]
    /// The reserved word's high byte (firmware version) and low byte (error code).
    public var version: UInt8
    public var errorCode: UInt8

    public static let length = 32
    public static let header: [UInt8] = [0x42, 0x4D]
    public static let lengthPrefixCount = 4
    /// The length field: bytes after it, checksum included.
    static let lengthField = 28

    public static let particleSizes = ["0_3um", "0_5um", "1_0um", "2_5um", "5_0um", "10um"]

    public static func frameLength(prefix: ArraySlice<UInt8>) throws(DriverError) -> Int {
        let bytes = Array(prefix)
        guard bytes.count >= lengthPrefixCount else {
            throw .truncated(sensor: .pms5003, expected: lengthPrefixCount, got: bytes.count)
        }
        let field = Int(bytes.bigEndianUInt16(at: 2))
        guard field == lengthField else {
            throw .malformed(sensor: .pms5003, reason: "length field \(field), expected \(lengthField)")
        }
        return length
    }

    public init(frame: ArraySlice<UInt8>) throws(DriverError) {
        let bytes = Array(frame)
        guard bytes.count == Self.length else {
            throw .truncated(sensor: .pms5003, expected: Self.length, got: bytes.count)
        }
        guard bytes.starts(with: Self.header) else {
            throw .malformed(sensor: .pms5003, reason: "frame does not start with 42 4D")
        }
        let computed = bytes[0..<30].reduce(UInt16(0)) { $0 &+ UInt16($1) }
        let received = bytes.bigEndianUInt16(at: 30)
        guard computed == received else {
            throw .badChecksum(sensor: .pms5003, expected: computed, actual: received)
        }
        let words = (0..<13).map { Int(bytes.bigEndianUInt16(at: 4 + 2 * $0)) }
        standard = PMSMassConcentration(pm1_0: words[0], pm2_5: words[1], pm10: words[2])
        atmospheric = PMSMassConcentration(pm1_0: words[3], pm2_5: words[4], pm10: words[5])
        particleCounts = Array(words[6..<12])
        version = bytes[28]
        errorCode = bytes[29]
    }

    public var measurements: [MeasuredValue] {
        let mass: [(String, Int)] = [
            ("pm1_0", atmospheric.pm1_0), ("pm2_5", atmospheric.pm2_5), ("pm10", atmospheric.pm10),
            ("pm1_0_cf1", standard.pm1_0), ("pm2_5_cf1", standard.pm2_5), ("pm10_cf1", standard.pm10),
        ]
        let counts = zip(Self.particleSizes, particleCounts).map { size, count in
            MeasuredValue(field: "particles_" + size, value: Double(count), unit: .particlesPerDecilitre)
        }
        return mass.map { MeasuredValue(field: $0.0, value: Double($0.1), unit: .microgramsPerCubicMetre) } + counts
    }
}
