import Hardware

/// An output request on a `SimulatedGPIOLine`, behind the same protocol as `LinuxGPIOOutput`.
public final class SimulatedGPIOOutput: GPIOOutput {
    public let line: SimulatedGPIOLine

    init(line: SimulatedGPIOLine) {
        self.line = line
    }

    public func set(_ active: Bool) async throws(GPIOError) {
        try line.drive(active)
    }

    public func value() async throws(GPIOError) -> Bool {
        guard line.isRequested else { throw .released(line: line.selector.description) }
        return line.isActive
    }

    public func release() async {
        line.releaseOutput()
    }
}
