/// A 9-byte command to a Winsen MH-Z19B/C CO₂ sensor: 0xFF, sensor number 0x01, command,
/// five argument bytes, checksum.
public enum MHZ19Command: Sendable, Hashable {
    /// Answered by a `MHZ19Frame`.
    case readConcentration
    /// Sets the current concentration as 400 ppm. Only after at least 20 minutes in fresh air.
    case calibrateZeroPoint
    /// Sets the current concentration as `ppm`.
    case calibrateSpan(ppm: UInt16)
    /// Automatic baseline correction: on from the factory, it treats the lowest value of each
    /// 24 h as 400 ppm, which drifts readings in rooms that never get fresh air (pain point 7).
    case automaticBaselineCorrection(enabled: Bool)
    /// The measuring range: 2000, 5000 or 10000 ppm.
    case detectionRange(ppm: UInt16)

    public var bytes: [UInt8] {
        var frame: [UInt8] = [0xFF, 0x01, 0, 0, 0, 0, 0, 0, 0]
        switch self {
        case .readConcentration:
            frame[2] = 0x86
        case .calibrateZeroPoint:
            frame[2] = 0x87
        case let .calibrateSpan(ppm):
            frame[2] = 0x88
            frame[3] = UInt8(ppm >> 8)
            frame[4] = UInt8(truncatingIfNeeded: ppm)
        case let .automaticBaselineCorrection(enabled):
            frame[2] = 0x79
            frame[3] = enabled ? 0xA0 : 0x00
        case let .detectionRange(ppm):
            frame[2] = 0x99
            frame[6] = UInt8(ppm >> 8)
            frame[7] = UInt8(truncatingIfNeeded: ppm)
        }
        frame[8] = MHZ19Frame.checksum(frame)
        return frame
    }
}
