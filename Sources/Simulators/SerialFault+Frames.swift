extension SerialFault {
    /// What a device with this fault sends instead of `frame`: `corrupted` is the frame with
    /// a wrong checksum, `garbage` bytes that cannot start a frame.
    func applied(to frame: [UInt8], corrupted: @autoclosure () -> [UInt8], garbage: [UInt8]) -> [UInt8] {
        switch self {
        case .none: frame
        case .silent: []
        case .garbage: garbage
        case .badChecksum: corrupted()
        case .partialFrame: Array(frame.prefix(frame.count / 2))
        }
    }
}
