import Testing

@testable import Hardware

/// The debounce state machine, event by event.
@Suite struct EdgeDebouncerTests {
    private func event(_ edge: GPIOEdge, at milliseconds: Int64) -> GPIOEdgeEvent {
        GPIOEdgeEvent(edge: edge, timestamp: .milliseconds(milliseconds))
    }

    @Test func anEdgeCountsOnceTheLineHeldItsLevel() {
        var debouncer = EdgeDebouncer(initialValue: false)
        #expect(debouncer.receive(event(.rising, at: 100)) == .startTimer(generation: 1))
        #expect(debouncer.timerExpired(generation: 1) == event(.rising, at: 100))
        #expect(debouncer.settledValue == true)
    }

    @Test func bounceThatEndsWhereItStartedReportsNothing() {
        var debouncer = EdgeDebouncer(initialValue: false)
        #expect(debouncer.receive(event(.rising, at: 100)) == .startTimer(generation: 1))
        #expect(debouncer.receive(event(.falling, at: 101)) == .cancelTimer)
        #expect(debouncer.timerExpired(generation: 1) == nil)
        #expect(debouncer.settledValue == false)
    }

    @Test func bounceThatEndsAtTheOtherLevelReportsItsLastEdge() {
        var debouncer = EdgeDebouncer(initialValue: false)
        _ = debouncer.receive(event(.rising, at: 100))
        _ = debouncer.receive(event(.falling, at: 101))
        #expect(debouncer.receive(event(.rising, at: 103)) == .startTimer(generation: 2))
        #expect(debouncer.timerExpired(generation: 1) == nil)
        #expect(debouncer.timerExpired(generation: 2) == event(.rising, at: 103))
    }

    @Test func anEdgeToTheSettledLevelWithNothingPendingIsIgnored() {
        // Events were lost in between (the kernel's buffer overflowed): nothing to report.
        var debouncer = EdgeDebouncer(initialValue: true)
        #expect(debouncer.receive(event(.rising, at: 100)) == .none)
        #expect(debouncer.settledValue == true)
    }
}
