import Hardware

/// One simulated GPIO line and what is wired to it: a relay or LED the gateway drives (watch
/// `level`, `isActive` and `levelHistory`), or a button, contact or PIR sensor the gateway
/// reads (`press()`, `letGo()`, `bounce(…)`).
///
/// The line knows its electrical level; logical values follow the active-low flag of the
/// request that holds it, as the kernel's do. `levelHistory` records every level the line
/// took, starting with the one it had before any request, so a test can see that a relay
/// never glitched.
public final class SimulatedGPIOLine: Sendable {
    /// What goes down an input request's pipe: an edge, or a marker that answers once the
    /// edges before it were handed on.
    private enum RawInput: Sendable {
        case edge(GPIOEdgeEvent)
        case marker(CheckedContinuation<Void, Never>)
    }

    private struct InputRequest {
        var configuration: GPIOInputConfiguration
        var raw: AsyncThrowingStream<RawInput, any Error>.Continuation
    }

    private struct State {
        var level: Bool
        var levelHistory: [Bool]
        var output: GPIOOutputConfiguration?
        var input: InputRequest?
    }

    public let selector: GPIOLineSelector
    private let state: SimulatorState<State>
    private let clock: any Clock<Duration>
    private let created = ContinuousClock.now

    /// `level` is the electrical level before any request (a pull-up reads high); `clock`
    /// times software debouncing of input requests.
    public init(selector: GPIOLineSelector, level: Bool = false, clock: any Clock<Duration> = ContinuousClock()) {
        self.selector = selector
        self.clock = clock
        state = SimulatorState(State(level: level, levelHistory: [level]))
    }

    /// The electrical level: `true` is high.
    public var level: Bool { state.withLock { $0.level } }
    /// Every level the line took, in order, starting with its level before any request.
    public var levelHistory: [Bool] { state.withLock { $0.levelHistory } }
    public var isRequested: Bool { state.withLock { $0.output != nil || $0.input != nil } }

    /// The logical value under the holder's active-low flag (the level itself when unheld):
    /// for a relay, whether it is switched on.
    public var isActive: Bool {
        state.withLock { state in state.level != Self.activeLow(state) }
    }

    /// Drives the line from outside, as a sensor or a button does.
    public func setLevel(_ high: Bool) {
        state.withLock { state in Self.change(&state, to: high, at: timestamp()) }
    }

    /// Makes the input active (a button pressed, motion seen) under the holder's active-low flag.
    public func press() {
        setActive(true)
    }

    /// Makes the input inactive (a button let go).
    public func letGo() {
        setActive(false)
    }

    public func setActive(_ active: Bool) {
        state.withLock { state in Self.change(&state, to: active != Self.activeLow(state), at: timestamp()) }
    }

    /// Contact bounce: `changes` level changes in a burst, ending active or not.
    public func bounce(changes: Int, endingActive: Bool) {
        state.withLock { state in
            let final = endingActive != Self.activeLow(state)
            // Start so that the last of the changes lands on the final level.
            var level = changes % 2 == 0 ? final : !final
            if state.level == level { level.toggle() }
            for _ in 0..<changes {
                Self.change(&state, to: level, at: timestamp())
                level.toggle()
            }
            Self.change(&state, to: final, at: timestamp())
        }
    }

    /// Returns once every level change so far has reached the holder's debouncer (or its
    /// edges), so that a test moving a `ManualClock` next moves the timer of the last one.
    public func settle() async {
        guard let raw = state.withLock({ $0.input?.raw }) else { return }
        await withCheckedContinuation { continuation in
            if case .terminated = raw.yield(.marker(continuation)) {
                continuation.resume()
            }
        }
    }

    func requestOutput(_ configuration: GPIOOutputConfiguration) throws(GPIOError) -> SimulatedGPIOOutput {
        try state.withLock { state throws(GPIOError) in
            guard state.output == nil, state.input == nil else {
                throw .lineBusy(line: selector.description, consumer: GPIOChip.defaultConsumer)
            }
            state.output = configuration
            // The request sets the level in the same step: no other level in between.
            Self.change(&state, to: configuration.initialValue != configuration.activeLow, at: timestamp())
        }
        return SimulatedGPIOOutput(line: self)
    }

    func requestInput(_ configuration: GPIOInputConfiguration) throws(GPIOError) -> SimulatedGPIOInput {
        let (edges, output) = AsyncThrowingStream<GPIOEdgeEvent, any Error>.makeStream()
        let (raw, rawContinuation) = AsyncThrowingStream<RawInput, any Error>.makeStream()
        let initialValue = try state.withLock { state throws(GPIOError) -> Bool in
            guard state.output == nil, state.input == nil else {
                throw .lineBusy(line: selector.description, consumer: GPIOChip.defaultConsumer)
            }
            state.input = InputRequest(configuration: configuration, raw: rawContinuation)
            return state.level != configuration.activeLow
        }
        if configuration.edges == .none {
            output.finish()
            rawContinuation.finish()
        } else if configuration.debounce > .zero {
            let debouncer = SoftwareDebouncer(
                initialValue: initialValue, period: configuration.debounce, reporting: configuration.edges,
                clock: clock, output: output)
            Task {
                do {
                    for try await input in raw {
                        switch input {
                        case let .edge(event): await debouncer.receive(event)
                        case let .marker(continuation): continuation.resume()
                        }
                    }
                    await debouncer.finish()
                } catch {
                    await debouncer.finish(throwing: error)
                }
            }
        } else {
            Task {
                do {
                    for try await input in raw {
                        switch input {
                        case let .edge(event) where configuration.edges.includes(event.edge): output.yield(event)
                        case .edge: break
                        case let .marker(continuation): continuation.resume()
                        }
                    }
                    output.finish()
                } catch {
                    output.finish(throwing: error)
                }
            }
        }
        return SimulatedGPIOInput(line: self, edges: edges)
    }

    /// Drives a held output to the logical value `active`.
    func drive(_ active: Bool) throws(GPIOError) {
        try state.withLock { state throws(GPIOError) in
            guard let output = state.output else { throw .released(line: selector.description) }
            Self.change(&state, to: active != output.activeLow, at: timestamp())
        }
    }

    /// Releases a held output at its safe value.
    func releaseOutput() {
        state.withLock { state in
            guard let output = state.output else { return }
            Self.change(&state, to: output.safeValue != output.activeLow, at: timestamp())
            state.output = nil
        }
    }

    func releaseInput() {
        let request = state.withLock { state in
            defer { state.input = nil }
            return state.input
        }
        request?.raw.finish()
    }

    /// Takes the line away from its holder, as when its chip vanished: the input's edges end
    /// with an error.
    public func remove() {
        let request = state.withLock { state in
            defer { state.input = nil; state.output = nil }
            return state.input
        }
        request?.raw.finish(throwing: GPIOError.released(line: selector.description))
    }

    private func timestamp() -> Duration {
        ContinuousClock.now - created
    }

    private static func activeLow(_ state: State) -> Bool {
        state.output?.activeLow ?? state.input?.configuration.activeLow ?? false
    }

    /// Sets the level, records it, and reports the edge to an input holder.
    private static func change(_ state: inout State, to level: Bool, at timestamp: Duration) {
        let changed = state.level != level
        state.level = level
        state.levelHistory.append(level)
        guard changed, let input = state.input else { return }
        let active = level != input.configuration.activeLow
        input.raw.yield(.edge(GPIOEdgeEvent(edge: active ? .rising : .falling, timestamp: timestamp)))
    }
}
