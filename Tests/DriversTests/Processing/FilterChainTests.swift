import Testing
@testable import Drivers

struct FilterChainTests {
    @Test func stepsApplyInOrder() {
        var chain = FilterChain([OffsetFilter(offset: 1), DeltaFilter(absolute: 1)])
        #expect(chain.accept(sample(10, at: 0))?.value == 11)
        #expect(chain.accept(sample(10.5, at: 1)) == nil)
        #expect(chain.accept(sample(11, at: 2))?.value == 12)
    }

    @Test func aHeartbeatAfterADeltaRepeatsTheHeldBackValue() {
        var chain = FilterChain([DeltaFilter(absolute: 1), HeartbeatFilter(interval: .seconds(60))])
        #expect(chain.accept(sample(20, at: 0)) != nil)
        #expect(chain.accept(sample(20.2, at: 30)) == nil)
        #expect(chain.nextDeadline == instant(60))
        #expect(chain.tick(at: instant(60)) == [sample(20, at: 0)])
    }

    @Test func aTickPassesThroughTheStepsAfterIt() {
        var chain = FilterChain([HeartbeatFilter(interval: .seconds(10)), OffsetFilter(offset: 100)])
        _ = chain.accept(sample(1, at: 0))
        #expect(chain.tick(at: instant(10)) == [sample(101, at: 0)])
    }

    @Test func anEmptyChainPassesEverything() {
        var chain = FilterChain([])
        #expect(chain.accept(sample(1, at: 0)) == sample(1, at: 0))
        #expect(chain.tick(at: instant(1000)).isEmpty)
        #expect(chain.nextDeadline == nil)
    }
}
