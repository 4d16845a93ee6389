/// A 16-bit SHT3x command, sent most significant byte first (datasheet, "Commands").
///
/// Only the single-shot measurements *without* clock stretching are offered: the Raspberry Pi's
/// I2C controller mishandles clock stretching, so the driver waits `maximumDuration` and reads.
public enum SHT3xCommand: Sendable, Hashable {
    /// How many conversions the sensor averages: more is quieter and slower.
    public enum Repeatability: Sendable, Hashable, CaseIterable {
        case high, medium, low

        /// Longest measurement duration (datasheet, timing specification): 15, 6 and 4 ms.
        public var maximumDuration: Duration {
            switch self {
            case .high: .milliseconds(15)
            case .medium: .milliseconds(6)
            case .low: .milliseconds(4)
            }
        }
    }

    case singleShot(Repeatability)
    case softReset

    public var bytes: [UInt8] {
        switch self {
        case .singleShot(.high): [0x24, 0x00]
        case .singleShot(.medium): [0x24, 0x0B]
        case .singleShot(.low): [0x24, 0x16]
        case .softReset: [0x30, 0xA2]
        }
    }
}
