import CGPIOD

/// Which changes of an input to report.
public enum GPIOEdgeDetection: String, Sendable, Hashable, CaseIterable {
    case none, rising, falling, both

    var shimValue: cgpiod_edge {
        switch self {
        case .none: CGPIOD_EDGE_NONE
        case .rising: CGPIOD_EDGE_RISING
        case .falling: CGPIOD_EDGE_FALLING
        case .both: CGPIOD_EDGE_BOTH
        }
    }

    /// Whether an edge of this kind is reported.
    public func includes(_ edge: GPIOEdge) -> Bool {
        switch (self, edge) {
        case (.both, _), (.rising, .rising), (.falling, .falling): true
        default: false
        }
    }
}
