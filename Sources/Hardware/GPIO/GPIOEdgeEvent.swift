/// An edge on an input line and when the kernel saw it.
public struct GPIOEdgeEvent: Sendable, Hashable {
    public var edge: GPIOEdge
    /// The kernel's timestamp of the edge: `CLOCK_MONOTONIC` since boot (Linux 5.7 and
    /// later). Taken in the interrupt, it is exact even when the gateway reads the event late.
    public var timestamp: Duration

    public init(edge: GPIOEdge, timestamp: Duration) {
        self.edge = edge
        self.timestamp = timestamp
    }
}
