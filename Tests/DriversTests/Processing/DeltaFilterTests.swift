import Testing
@testable import Drivers

struct DeltaFilterTests {
    @Test func absoluteThresholdComparesWithTheLastValueSent() {
        // 20.3 is 0.3 from the last *sent* 20.0, although only 0.15 from the 20.15 before it.
        #expect(passed(DeltaFilter(absolute: 0.25), [20, 20.15, 20.3, 20.4, 20.0]) == [20, nil, 20.3, nil, 20.0])
    }

    @Test func theThresholdItselfIsEnough() {
        #expect(passed(DeltaFilter(absolute: 0.5), [1, 1.5]) == [1, 1.5])
    }

    @Test func percentThreshold() {
        #expect(passed(DeltaFilter(percent: 10), [200, 215, 220, 199]) == [200, nil, 220, nil])
    }

    @Test func eitherThresholdIsEnough() {
        // 0.2 passes on the percentage of the small 0.1; 101 on the absolute change from 100.
        #expect(passed(DeltaFilter(absolute: 1, percent: 50), [0.1, 0.14, 0.2, 100, 100.9, 101]) == [0.1, nil, 0.2, 100, nil, 101])
    }

    @Test func zeroMeansAnyChangeButNeverTheSameValue() {
        #expect(passed(DeltaFilter(absolute: 0), [1, 1, 1.001, 1.001]) == [1, nil, 1.001, nil])
    }

    @Test func percentFromZeroPassesAnyChange() {
        #expect(passed(DeltaFilter(percent: 10), [0, 0, 0.01]) == [0, nil, 0.01])
    }
}
