import Hardware

/// An input request on a `SimulatedGPIOLine`, behind the same protocol as `LinuxGPIOInput`:
/// the edges asked for, debounced in software as libgpiod 1.6 lines are.
public final class SimulatedGPIOInput: GPIOInput {
    public let line: SimulatedGPIOLine
    public let edges: AsyncThrowingStream<GPIOEdgeEvent, any Error>

    init(line: SimulatedGPIOLine, edges: AsyncThrowingStream<GPIOEdgeEvent, any Error>) {
        self.line = line
        self.edges = edges
    }

    public func value() async throws(GPIOError) -> Bool {
        guard line.isRequested else { throw .released(line: line.selector.description) }
        return line.isActive
    }

    public func release() async {
        line.releaseInput()
    }
}
