/// Debounces an input's edges in software where the kernel cannot (libgpiod 1.6): runs an
/// `EdgeDebouncer` and its timers on an injected clock and passes on the settled edges the
/// line was requested for. A simulated input line uses it too, so both debounce alike.
public actor SoftwareDebouncer {
    private var machine: EdgeDebouncer
    private let period: Duration
    private let reporting: GPIOEdgeDetection
    private let clock: any Clock<Duration>
    private let output: AsyncThrowingStream<GPIOEdgeEvent, any Error>.Continuation
    private var timer: Task<Void, Never>?

    public init(
        initialValue: Bool,
        period: Duration,
        reporting: GPIOEdgeDetection,
        clock: any Clock<Duration>,
        output: AsyncThrowingStream<GPIOEdgeEvent, any Error>.Continuation
    ) {
        self.machine = EdgeDebouncer(initialValue: initialValue)
        self.period = period
        self.reporting = reporting
        self.clock = clock
        self.output = output
    }

    public func receive(_ event: GPIOEdgeEvent) {
        switch machine.receive(event) {
        case .none:
            break
        case .cancelTimer:
            timer?.cancel()
            timer = nil
        case .startTimer(let generation):
            timer?.cancel()
            let clock = self.clock
            let period = self.period
            timer = Task {
                do {
                    try await clock.sleep(for: period)
                } catch {
                    return  // Cancelled: a later edge replaced this timer.
                }
                self.timerExpired(generation: generation)
            }
        }
    }

    /// Ends the output, once the raw edges have ended.
    public func finish(throwing error: (any Error)? = nil) {
        timer?.cancel()
        timer = nil
        output.finish(throwing: error)
    }

    private func timerExpired(generation: Int) {
        guard let event = machine.timerExpired(generation: generation) else { return }
        if reporting.includes(event.edge) {
            output.yield(event)
        }
    }
}
