import Testing
@testable import Gateway

struct TokenBucketTests {
    /// What `take` answered at each of `times`, in order.
    static func answers(_ bucket: inout TokenBucket, at times: [Duration]) -> [Bool] {
        times.map { bucket.take(now: $0) }
    }

    @Test func burstThenOnePerInterval() {
        var bucket = TokenBucket(capacity: 3, refillInterval: .seconds(1), now: .zero)
        // At 2.5 s one token: the half second already accumulated counts toward the next.
        let times: [Duration] = [.zero, .zero, .zero, .milliseconds(999), .seconds(1), .seconds(1), .milliseconds(2500), .milliseconds(2500), .seconds(3)]
        #expect(Self.answers(&bucket, at: times) == [true, true, true, false, true, false, true, false, true])
    }

    @Test func refillStopsAtCapacity() {
        var bucket = TokenBucket(capacity: 2, refillInterval: .seconds(1), now: .zero)
        #expect(Self.answers(&bucket, at: [.zero, .zero]) == [true, true])
        let fullAfterWaiting = bucket.isFull(now: .seconds(100))
        #expect(fullAfterWaiting)
        #expect(Self.answers(&bucket, at: [.seconds(100), .seconds(100), .seconds(100)]) == [true, true, false])
        let fullSoonAfter = bucket.isFull(now: .milliseconds(100_500))
        #expect(!fullSoonAfter)
    }
}
