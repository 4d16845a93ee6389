/// Turns the bytes a serial device sends into readings, frame by frame: the decoding half of
/// a `SerialStreamDriver`. Each frame (or line) decodes to readings or to the error that
/// refused it, in stream order; the decoder resynchronises after garbage and cut frames.
/// The type itself is `SendableMetatype` because the driver actor, generic over it, hands
/// closures that capture itself to the port's reading task.
protocol SerialFrameDecoder: SendableMetatype {
    mutating func decode(_ bytes: [UInt8]) -> [Result<[FieldReading], DriverError>]
}
