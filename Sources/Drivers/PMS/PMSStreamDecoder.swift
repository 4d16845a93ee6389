/// PMS5003/PMS7003 frames, cut from the byte stream with their 16-bit sum checked.
struct PMSStreamDecoder: SerialFrameDecoder {
    let model: DeviceModel
    private var framer = StreamFramer<PMSFrame>()

    init(model: DeviceModel) {
        self.model = model
    }

    mutating func decode(_ bytes: [UInt8]) -> [Result<[FieldReading], DriverError>] {
        framer.feed(bytes).map { frame in frame.map { $0.measurements.fieldReadings(of: model) } }
    }
}
