/// Debouncing as the kernel does it, as a pure state machine: an edge counts only once the
/// line has held its new level for the debounce period. Contact bounce — a burst of edges
/// that ends where it started — reports nothing; a burst that ends at the other level
/// reports one edge, with the kernel timestamp of the last edge of the burst.
///
/// It sees every raw edge (both directions must be requested from the kernel) and is told
/// when a timer it asked for runs out; `SoftwareDebouncer` runs the timers on a clock.
struct EdgeDebouncer {
    enum Action: Equatable {
        case none
        /// Start a timer for the period; when it runs out, call `timerExpired(generation:)`.
        /// It replaces any timer running.
        case startTimer(generation: Int)
        case cancelTimer
    }

    /// The level the line last settled at.
    private(set) var settledValue: Bool
    private var candidate: GPIOEdgeEvent?
    private var generation = 0

    init(initialValue: Bool) {
        settledValue = initialValue
    }

    mutating func receive(_ event: GPIOEdgeEvent) -> Action {
        if event.edge.newValue == settledValue {
            // Back where it settled: the pending edge was bounce. Without a pending edge,
            // an edge to the settled level means events were lost in between; ignore it.
            guard candidate != nil else { return .none }
            candidate = nil
            return .cancelTimer
        }
        candidate = event
        generation += 1
        return .startTimer(generation: generation)
    }

    /// The edge to report when the timer of `generation` ran out and the line held its level.
    mutating func timerExpired(generation: Int) -> GPIOEdgeEvent? {
        guard generation == self.generation, let settled = candidate else { return nil }
        candidate = nil
        settledValue = settled.edge.newValue
        return settled
    }
}
