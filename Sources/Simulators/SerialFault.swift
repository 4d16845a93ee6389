/// What a simulated serial device does wrong, until told otherwise.
public enum SerialFault: Sendable, Hashable, CaseIterable {
    /// Nothing: well-formed frames.
    case none
    /// Sends nothing and answers nothing, like a device without power.
    case silent
    /// Sends bytes that are no frame instead of each frame.
    case garbage
    /// Sends frames whose checksum does not match.
    case badChecksum
    /// Sends the first half of each frame only, as when a line was cut.
    case partialFrame
}
