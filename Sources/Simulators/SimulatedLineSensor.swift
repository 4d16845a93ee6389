/// A sensor that prints text lines on a pseudo-terminal, such as an Arduino sketch printing
/// `T=21.4;H=40`: each `emit()` (or each period after `startStreaming`) sends `line` and a
/// CR LF. Under `.garbage` it sends a line of noise; `.badChecksum` sends the line with a
/// character flipped (text lines have no checksum, so this too is a line that does not match).
public final class SimulatedLineSensor: SimulatedSerialDevice {
    private struct State {
        var line: String
        var fault = SerialFault.none
    }

    public let link: SimulatedSerialLink
    private let state: SimulatorState<State>
    private let emission = PeriodicEmission()

    public init(line: String) throws(PseudoTerminalError) {
        state = SimulatorState(State(line: line))
        // A line sensor ignores what it is sent.
        link = try SimulatedSerialLink { _ in [] }
    }

    /// The line it prints, without the line ending.
    public var line: String {
        get { state.withLock { $0.line } }
        set { state.withLock { $0.line = newValue } }
    }

    public var fault: SerialFault {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    public func emit() {
        let (line, fault) = state.withLock { ($0.line, $0.fault) }
        let bytes = Array((line + "\r\n").utf8)
        var flipped = Array(line.utf8)
        if !flipped.isEmpty { flipped[flipped.count / 2] ^= 0x20 }
        let output = fault.applied(to: bytes, corrupted: flipped + [0x0D, 0x0A], garbage: [0xFE, 0x21, 0x7F, 0x00, 0x3F, 0x0A])
        if !output.isEmpty { link.send(output) }
    }

    public func startStreaming(every period: Duration = .seconds(1), clock: some Clock<Duration> = ContinuousClock()) {
        emission.start(every: period, clock: clock) { [weak self] in self?.emit() }
    }

    public func stopStreaming() {
        emission.stop()
    }
}
