/// The fix quality field of a GGA sentence.
public enum GPSFixQuality: Int, Sendable, Hashable, CaseIterable {
    case invalid = 0
    case gps = 1
    case differential = 2
    case pps = 3
    case realTimeKinematic = 4
    case floatRealTimeKinematic = 5
    /// Dead reckoning: the position is a guess from the last fix.
    case estimated = 6
    case manualInput = 7
    case simulation = 8

    /// Whether the position comes from satellites now (not a guess, a typed-in value or a simulator).
    public var isMeasuredFix: Bool {
        switch self {
        case .gps, .differential, .pps, .realTimeKinematic, .floatRealTimeKinematic: true
        case .invalid, .estimated, .manualInput, .simulation: false
        }
    }
}
