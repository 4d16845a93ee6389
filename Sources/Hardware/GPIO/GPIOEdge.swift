/// A change of an input's logical value: rising means it became active.
public enum GPIOEdge: String, Sendable, Hashable {
    case rising, falling

    /// The logical value after the edge.
    public var newValue: Bool {
        self == .rising
    }
}
