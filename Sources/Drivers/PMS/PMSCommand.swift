/// A 7-byte command to a Plantower PMS5003/PMS7003: `42 4D`, command, two data bytes,
/// 16-bit big-endian sum of the first five bytes.
public enum PMSCommand: Sendable, Hashable {
    /// The sensor sends a frame only when asked with `readPassive`.
    case passiveMode
    /// The sensor streams a frame about once a second (its power-on mode).
    case activeMode
    case readPassive
    /// Stops the fan and laser, which have a limited life; allow ~30 s after `wake`.
    case sleep
    case wake

    public var bytes: [UInt8] {
        let (command, data): (UInt8, UInt8) =
            switch self {
            case .passiveMode: (0xE1, 0x00)
            case .activeMode: (0xE1, 0x01)
            case .readPassive: (0xE2, 0x00)
            case .sleep: (0xE4, 0x00)
            case .wake: (0xE4, 0x01)
            }
        let body: [UInt8] = [0x42, 0x4D, command, 0x00, data]
        let sum = body.reduce(UInt16(0)) { $0 &+ UInt16($1) }
        return body + [UInt8(sum >> 8), UInt8(truncatingIfNeeded: sum)]
    }
}
