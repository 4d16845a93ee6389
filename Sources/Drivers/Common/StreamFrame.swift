/// A binary frame that a sensor streams over a serial line, recognised by its header and
/// checked by its own decoder. `StreamFramer` finds these in the byte stream.
public protocol StreamFrame: Sendable {
    /// The bytes every frame starts with.
    static var header: [UInt8] { get }
    /// How many leading bytes `frameLength(prefix:)` needs (at least `header.count`).
    static var lengthPrefixCount: Int { get }
    /// Total length of the frame that starts with `prefix`, or the error that says why these
    /// bytes cannot start a frame (a length field the sensor never sends).
    static func frameLength(prefix: ArraySlice<UInt8>) throws(DriverError) -> Int
    /// Decodes exactly one frame, checking its checksum.
    init(frame: ArraySlice<UInt8>) throws(DriverError)
}
