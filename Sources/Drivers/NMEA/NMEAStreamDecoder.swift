/// NMEA sentences of the configured types. Sentences of other types are skipped silently
/// (a receiver sends many); one that fails its checksum or its fields is refused.
struct NMEAStreamDecoder: SerialFrameDecoder {
    private var parser: NMEALineDriver
    private var buffer = LineBuffer(maximumLength: NMEALineDriver.maximumLineLength)

    init(parser: NMEALineDriver) {
        self.parser = parser
    }

    mutating func decode(_ bytes: [UInt8]) -> [Result<[FieldReading], DriverError>] {
        buffer.feed(bytes).compactMap { line -> Result<[FieldReading], DriverError>? in
            let refused = parser.sentencesRefused
            if let readings = parser.parse(line: line) {
                return .success(readings)
            }
            guard parser.sentencesRefused > refused else { return nil }
            // Parse the frame again for the reason: refusals are rare, decoding stays cheap.
            let reason = Result { () throws(DriverError) in try NMEASentence(line: line) }
            guard case let .failure(error) = reason else {
                return .failure(.malformed(sensor: .nmea, reason: "fields do not decode: \"\(line.prefix(82))\""))
            }
            return .failure(error)
        }
    }
}
