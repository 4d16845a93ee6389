/// The MH-Z19B/C answer to `MHZ19Command.readConcentration`:
/// `FF 86 HH LL TT SS U1 U2 CS`, CO₂ = HH·256 + LL ppm.
public struct MHZ19Frame: StreamFrame, Hashable {
    /// CO₂ concentration in ppm.
    public var concentration: Int
    /// TT − 40: an undocumented, coarse sensor temperature in °C, useful only as a hint.
    public var temperature: Int

    public static let length = 9
    public static let header: [UInt8] = [0xFF, 0x86]
    public static let lengthPrefixCount = 2

    public init(concentration: Int, temperature: Int) {
        self.concentration = concentration
        self.temperature = temperature
    }

    /// Every frame is 9 bytes; the header alone decides.
    public static func frameLength(prefix: ArraySlice<UInt8>) throws(DriverError) -> Int {
        length
    }

    public init(frame: ArraySlice<UInt8>) throws(DriverError) {
        let bytes = Array(frame)
        guard bytes.count == Self.length else {
            throw .truncated(sensor: .mhz19, expected: Self.length, got: bytes.count)
        }
        guard bytes.starts(with: Self.header) else {
            throw .malformed(sensor: .mhz19, reason: "frame does not start with FF 86")
        }
        let expected = Self.checksum(bytes)
        guard bytes[8] == expected else {
            throw .badChecksum(sensor: .mhz19, expected: UInt16(expected), actual: UInt16(bytes[8]))
        }
        concentration = Int(bytes.bigEndianUInt16(at: 2))
        temperature = Int(bytes[4]) - 40
    }

    /// Checksum of a 9-byte frame: the two's complement of the sum of bytes 1…7.
    public static func checksum(_ frame: [UInt8]) -> UInt8 {
        0 &- frame.dropFirst().prefix(7).reduce(0, &+)
    }

    /// The concentration as a measurement, refused above the range the sensor is set to
    /// (5000 ppm from the factory on the MH-Z19B): a value above it is not a measurement.
    public func measurements(detectionRange: Int = 5000) throws(DriverError) -> [MeasuredValue] {
        let limit = 0...Double(max(detectionRange, 0))
        let value = try limit.admitting(Double(concentration), field: "co2", sensor: .mhz19)
        return [MeasuredValue(field: "co2", value: value, unit: .partsPerMillion)]
    }
}
