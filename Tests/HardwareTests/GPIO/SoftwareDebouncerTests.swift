import Simulators
import Testing

@testable import Hardware

/// Software debouncing with its timers on a manual clock.
@Suite(.timeLimit(.minutes(1)))
struct SoftwareDebouncerTests {
    @Test func passesOnlySettledEdgesOfTheKindAskedFor() async throws {
        let clock = ManualClock()
        let (output, continuation) = AsyncThrowingStream<GPIOEdgeEvent, any Error>.makeStream()
        let debouncer = SoftwareDebouncer(
            initialValue: false, period: .milliseconds(10), reporting: .rising, clock: clock, output: continuation)
        var settled = output.makeAsyncIterator()

        // A press that bounces, then holds.
        await debouncer.receive(GPIOEdgeEvent(edge: .rising, timestamp: .milliseconds(1)))
        await debouncer.receive(GPIOEdgeEvent(edge: .falling, timestamp: .milliseconds(2)))
        await debouncer.receive(GPIOEdgeEvent(edge: .rising, timestamp: .milliseconds(3)))
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(10))
        #expect(try await settled.next() == GPIOEdgeEvent(edge: .rising, timestamp: .milliseconds(3)))

        // The release settles too, but only rising edges were asked for.
        await debouncer.receive(GPIOEdgeEvent(edge: .falling, timestamp: .milliseconds(40)))
        await clock.waitForSleepers()
        clock.advance(by: .milliseconds(10))
        // A bounce too short to count.
        await debouncer.receive(GPIOEdgeEvent(edge: .rising, timestamp: .milliseconds(60)))
        await debouncer.receive(GPIOEdgeEvent(edge: .falling, timestamp: .milliseconds(61)))
        await debouncer.finish()
        #expect(try await settled.next() == nil)
    }
}
