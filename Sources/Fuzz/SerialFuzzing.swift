import Drivers

/// Bytes from a serial sensor, in chunks of the sizes a read returns, through the decoder the
/// first byte picks: the binary framers of the MH-Z19B and the PMS5003, the NMEA and
/// line-protocol drivers, and a Modbus RTU answer decoded by a register map.
enum SerialFuzzing {
    static let nmeaDriver = NMEALineDriver(model: FuzzCatalog.model("nmea-gps"))
    static let lineDriver = FuzzCatalog.driver("arduino-th-line") { try LineProtocolDriver(model: $0) }
    static let modbusDriver = FuzzCatalog.driver("sdm120-modbus") { try ModbusRegisterMapDriver(model: $0) }

    static func run(_ bytes: [UInt8]) {
        guard bytes.count >= 2 else { return }
        let stream = Array(bytes.dropFirst(2))
        let chunks = chunked(stream, size: Int(bytes[1]) + 1)
        switch bytes[0] % 5 {
        case 0:
            var framer = StreamFramer<MHZ19Frame>()
            for case .success(let frame) in chunks.flatMap({ framer.feed($0) }) {
                _ = try? frame.measurements()
            }
        case 1:
            var framer = StreamFramer<PMSFrame>()
            for case .success(let frame) in chunks.flatMap({ framer.feed($0) }) {
                _ = frame.measurements
            }
        case 2:
            var driver = nmeaDriver
            for chunk in chunks { _ = driver.feed(chunk) }
        case 3:
            var driver = lineDriver
            for chunk in chunks { _ = driver.feed(chunk) }
        default:
            var driver = modbusDriver
            for block in driver.readBlocks {
                _ = ModbusResponse.expectedLength(prefix: stream, answering: block.request)
                _ = try? driver.decode(stream, answering: block)
            }
        }
    }

    static func chunked(_ bytes: [UInt8], size: Int) -> [ArraySlice<UInt8>] {
        stride(from: 0, to: bytes.count, by: size).map { bytes[$0..<min($0 + size, bytes.count)] }
    }
}
