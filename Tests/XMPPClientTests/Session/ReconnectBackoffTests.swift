import Testing
@testable import XMPPClient

@Suite struct ReconnectBackoffTests {
    @Test func growsExponentiallyUpToTheCap() {
        var backoff = ReconnectBackoff(base: .seconds(1), cap: .seconds(60))
        var random = SeededGenerator(seed: 1)
        var ceilings: [Int64] = []
        for _ in 0..<10 {
            ceilings.append(backoff.ceilingMilliseconds)
            _ = backoff.nextDelay(using: &random)
        }
        #expect(ceilings == [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000])
        backoff.reset()
        #expect(backoff.ceilingMilliseconds == 1000)
    }

    @Test func neverExceedsTheCeilingEvenAfterThousandsOfAttempts() {
        var backoff = ReconnectBackoff(base: .milliseconds(500), cap: .seconds(300))
        var random = SeededGenerator(seed: 2)
        for _ in 0..<5000 {
            let ceiling = backoff.ceilingMilliseconds
            let delay = backoff.nextDelay(using: &random)
            #expect(delay >= .zero && delay <= .milliseconds(ceiling))
        }
    }

    /// Full jitter spreads sessions dropped together: 100 sessions on their fifth attempt
    /// (ceiling 16 s) should not land in the same second.
    @Test func spreadsManySessionsApart() {
        var random = SeededGenerator(seed: 3)
        var seconds = Set<Int64>()
        for _ in 0..<100 {
            var backoff = ReconnectBackoff(base: .seconds(1), cap: .seconds(300))
            for _ in 0..<4 { _ = backoff.nextDelay(using: &random) }
            seconds.insert(backoff.nextDelay(using: &random).components.seconds)
        }
        #expect(seconds.count >= 12)
    }
}
