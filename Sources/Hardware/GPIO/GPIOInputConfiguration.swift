/// How to request an input line.
public struct GPIOInputConfiguration: Sendable, Hashable {
    /// True when the pin's low level means active, as with a button to ground.
    public var activeLow: Bool
    public var bias: GPIOBias
    public var edges: GPIOEdgeDetection
    /// How long the line must hold a new level before its edge counts; zero for none. The
    /// kernel debounces where it can (libgpiod 2 on Linux 5.10 and later); otherwise the
    /// gateway does, in software, with the same meaning.
    public var debounce: Duration

    public init(
        activeLow: Bool = false,
        bias: GPIOBias = .asIs,
        edges: GPIOEdgeDetection = .none,
        debounce: Duration = .zero
    ) {
        self.activeLow = activeLow
        self.bias = bias
        self.edges = edges
        self.debounce = debounce
    }
}
