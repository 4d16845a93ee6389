/// Text lines matched against a line protocol model's pattern. A line that does not match,
/// or whose every capture fails to convert, is refused; an overlong line is dropped by the
/// line buffer and refused too.
struct LineProtocolStreamDecoder: SerialFrameDecoder {
    private var parser: LineProtocolDriver
    private var buffer: LineBuffer

    init(parser: LineProtocolDriver) {
        self.parser = parser
        buffer = LineBuffer(maximumLength: parser.configuration.maximumLineLength)
    }

    mutating func decode(_ bytes: [UInt8]) -> [Result<[FieldReading], DriverError>] {
        let overlong = buffer.overlongLinesDiscarded
        var results: [Result<[FieldReading], DriverError>] = buffer.feed(bytes).map { line in
            guard let readings = parser.parse(line: line) else {
                return .failure(.malformed(sensor: .lineProtocol, reason: "line does not match the pattern: \"\(line.prefix(80))\""))
            }
            guard !readings.isEmpty else {
                return .failure(.malformed(sensor: .lineProtocol, reason: "no capture converted to its field: \"\(line.prefix(80))\""))
            }
            return .success(readings)
        }
        if buffer.overlongLinesDiscarded > overlong {
            results.append(.failure(.malformed(
                sensor: .lineProtocol, reason: "line longer than \(buffer.maximumLength) characters")))
        }
        return results
    }
}
