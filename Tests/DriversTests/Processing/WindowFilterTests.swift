import Testing
@testable import Drivers

struct WindowFilterTests {
    @Test func slidingAverageSendsTheFirstValueAndAveragesAPartialWindow() {
        #expect(passed(SlidingAverageFilter(window: 3), [3, 6, 9, 12]) == [3, 4.5, 6, 9])
    }

    @Test func slidingAverageSendsEveryNth() {
        #expect(passed(SlidingAverageFilter(window: 2, sendEvery: 2), [1, 3, 5, 7, 9]) == [1, nil, 4, nil, 8])
    }

    @Test func medianRemovesASpike() {
        #expect(passed(MedianFilter(window: 3), [20, 20.2, 85, 20.1, 20.3]) == [20, 20.1, 20.2, 20.2, 20.3])
    }

    @Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        #expect(passed(MedianFilter(window: 4), [1, 5, 3, 100]) == [1, 3, 3, 4])
    }

    @Test func aWindowOfOnePassesEverything() {
        #expect(passed(MedianFilter(window: 1), [1, 2, 3]) == [1, 2, 3])
        #expect(passed(SlidingAverageFilter(window: 0), [1, 2]) == [1, 2])
    }

    @Test func theResultCarriesTheNewestSamplesTime() {
        var filter = SlidingAverageFilter(window: 2)
        _ = filter.accept(sample(1, at: 0))
        #expect(filter.accept(sample(3, at: 7))?.time == instant(7))
    }
}
