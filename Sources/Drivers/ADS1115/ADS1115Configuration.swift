/// The 16-bit config register of a TI ADS1115 (datasheet, "Config Register"): input multiplexer,
/// full-scale range, mode and data rate, with the comparator disabled.
public struct ADS1115Configuration: Sendable, Hashable {
    /// MUX[14:12]: what the converter measures.
    public enum Input: UInt16, Sendable, Hashable, CaseIterable {
        case ain0MinusAin1 = 0b000
        case ain0MinusAin3 = 0b001
        case ain1MinusAin3 = 0b010
        case ain2MinusAin3 = 0b011
        case ain0 = 0b100
        case ain1 = 0b101
        case ain2 = 0b110
        case ain3 = 0b111
    }

    /// PGA[11:9]: the full-scale range ±FSR. The inputs must still stay within the supply.
    public enum FullScaleRange: UInt16, Sendable, Hashable, CaseIterable {
        case volts6_144 = 0b000
        case volts4_096 = 0b001
        case volts2_048 = 0b010
        case volts1_024 = 0b011
        case volts0_512 = 0b100
        case volts0_256 = 0b101

        public var volts: Double {
            switch self {
            case .volts6_144: 6.144
            case .volts4_096: 4.096
            case .volts2_048: 2.048
            case .volts1_024: 1.024
            case .volts0_512: 0.512
            case .volts0_256: 0.256
            }
        }
    }

    /// DR[7:5]: samples per second.
    public enum DataRate: UInt16, Sendable, Hashable, CaseIterable {
        case sps8 = 0b000
        case sps16 = 0b001
        case sps32 = 0b010
        case sps64 = 0b011
        case sps128 = 0b100
        case sps250 = 0b101
        case sps475 = 0b110
        case sps860 = 0b111

        public var samplesPerSecond: Int {
            [8, 16, 32, 64, 128, 250, 475, 860][Int(rawValue)]
        }

        /// One conversion period, 1/DR; the driver waits this long and then polls `isIdle`.
        public var conversionTime: Duration {
            .microseconds((1_000_000 + samplesPerSecond - 1) / samplesPerSecond)
        }
    }

    /// The config register's address in the pointer register.
    public static let configPointer: UInt8 = 0x01
    /// The conversion register's address in the pointer register.
    public static let conversionPointer: UInt8 = 0x00

    public var input: Input
    public var range: FullScaleRange
    public var dataRate: DataRate
    /// Single-shot converts once per write and powers down; continuous converts all the time.
    public var singleShot: Bool

    public init(input: Input, range: FullScaleRange = .volts2_048, dataRate: DataRate = .sps128, singleShot: Bool = true) {
        self.input = input
        self.range = range
        self.dataRate = dataRate
        self.singleShot = singleShot
    }

    /// The register value. In single-shot mode OS (bit 15) is set, which starts a conversion;
    /// COMP_QUE (bits 1:0) is 11, comparator disabled.
    public var registerValue: UInt16 {
        let startConversion: UInt16 = singleShot ? 1 << 15 : 0
        let mode: UInt16 = singleShot ? 1 << 8 : 0
        return startConversion | input.rawValue << 12 | range.rawValue << 9 | mode | dataRate.rawValue << 5 | 0b11
    }

    /// The I2C write: pointer, then the register **big-endian** (an SMBus word write would send
    /// it little-endian, a classic ADS1115 bug).
    public var bytes: [UInt8] {
        [Self.configPointer, UInt8(registerValue >> 8), UInt8(truncatingIfNeeded: registerValue)]
    }

    /// Whether the config register, read back big-endian, says no conversion is running (OS = 1).
    public static func isIdle(configRegister bytes: [UInt8]) throws(DriverError) -> Bool {
        guard bytes.count == 2 else {
            throw .truncated(sensor: .ads1115, expected: 2, got: bytes.count)
        }
        return bytes[0] & 0x80 != 0
    }
}
