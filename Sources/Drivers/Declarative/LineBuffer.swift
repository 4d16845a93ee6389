/// Cuts a serial byte stream into text lines: bytes are kept until a line feed arrives, a
/// trailing carriage return is dropped, and empty lines are skipped.
///
/// A line longer than `maximumLength` is discarded whole and counted, including the part
/// that arrives after the limit was reached: a device that lost its newline (or a baud rate
/// mismatch producing garbage) must not grow the buffer without bound, and the tail of a cut
/// line is not a line. Bytes that are not UTF-8 become U+FFFD, so such a line simply fails to
/// match its pattern.
public struct LineBuffer: Sendable {
    public let maximumLength: Int
    public private(set) var overlongLinesDiscarded = 0
    private var pending: [UInt8] = []
    private var discarding = false

    public init(maximumLength: Int) {
        self.maximumLength = max(1, maximumLength)
    }

    /// Appends `bytes` and returns the lines they completed, in order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [String] {
        var lines: [String] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if !discarding, let line = completedLine() {
                    lines.append(line)
                }
                discarding = false
                pending.removeAll(keepingCapacity: true)
            } else if !discarding {
                pending.append(byte)
                // One byte of room for the carriage return that may precede the line feed.
                if pending.count > maximumLength + 1 {
                    overlongLinesDiscarded += 1
                    discarding = true
                    pending.removeAll(keepingCapacity: true)
                }
            }
        }
        return lines
    }

    private mutating func completedLine() -> String? {
        if pending.last == UInt8(ascii: "\r") {
            pending.removeLast()
        }
        guard !pending.isEmpty else { return nil }
        guard pending.count <= maximumLength else {
            overlongLinesDiscarded += 1
            return nil
        }
        return String(decoding: pending, as: UTF8.self)
    }
}
