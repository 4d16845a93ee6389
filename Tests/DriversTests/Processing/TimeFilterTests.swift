import Testing
@testable import Drivers

struct TimeFilterTests {
    @Test func throttlePassesTheFirstAndThenOnePerInterval() {
        var filter = ThrottleFilter(interval: .seconds(10))
        let times = [0, 3, 9.999, 10, 10, 19.9, 25]
        let sent = times.map { filter.accept(sample(1, at: $0)) != nil }
        // Exactly one interval after the last one sent passes; an equal timestamp does not.
        #expect(sent == [true, false, false, true, false, false, true])
    }

    @Test func heartbeatPassesEverySampleAndRepeatsTheLastAfterTheInterval() {
        var filter = HeartbeatFilter(interval: .seconds(60))
        #expect(filter.tick(at: instant(100)) == nil)
        #expect(filter.nextDeadline == nil)
        #expect(filter.accept(sample(21, at: 0)) == sample(21, at: 0))
        #expect(filter.nextDeadline == instant(60))
        #expect(filter.tick(at: instant(59.9)) == nil)
        // The repetition keeps its measurement time: it is the same reading, still ageing.
        #expect(filter.tick(at: instant(60)) == sample(21, at: 0))
        #expect(filter.tick(at: instant(60)) == nil)
        #expect(filter.nextDeadline == instant(120))
        // A new sample restarts the interval.
        _ = filter.accept(sample(22, at: 90))
        #expect(filter.tick(at: instant(120)) == nil)
        #expect(filter.tick(at: instant(150)) == sample(22, at: 90))
    }

    @Test func aLateTickSendsOneRepetitionNotABurst() {
        var filter = HeartbeatFilter(interval: .seconds(10))
        _ = filter.accept(sample(5, at: 0))
        #expect(filter.tick(at: instant(95)) != nil)
        #expect(filter.tick(at: instant(96)) == nil)
        #expect(filter.nextDeadline == instant(105))
    }
}
