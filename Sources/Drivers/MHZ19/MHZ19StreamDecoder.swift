/// MH-Z19B answers to "read concentration", cut from the byte stream and checked against the
/// detection range the sensor was set to.
struct MHZ19StreamDecoder: SerialFrameDecoder {
    let model: DeviceModel
    let detectionRange: Int
    private var framer = StreamFramer<MHZ19Frame>()

    init(model: DeviceModel, detectionRange: Int) {
        self.model = model
        self.detectionRange = detectionRange
    }

    mutating func decode(_ bytes: [UInt8]) -> [Result<[FieldReading], DriverError>] {
        let detectionRange = self.detectionRange
        return framer.feed(bytes).map { frame in
            frame.flatMap { frame in
                Result { () throws(DriverError) in try frame.measurements(detectionRange: detectionRange) }
            }
            .map { $0.fieldReadings(of: model) }
        }
    }
}
