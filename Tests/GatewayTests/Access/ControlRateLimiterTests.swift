import Simulators
import Testing
import XMPPClient
@testable import Gateway

struct ControlRateLimiterTests {
    @Test func eachBareJIDHasItsOwnBucket() throws {
        let clock = ManualClock()
        let limiter = ControlRateLimiter(limit: ControlRateLimit(), clock: clock)
        let mallory = try JID("mallory@example.org/phone")
        let otherResource = try JID("Mallory@example.org/laptop")
        let alice = try JID("alice@example.org")
        #expect((0..<5).allSatisfy { _ in limiter.allow(mallory) })
        #expect(!limiter.allow(mallory))
        #expect(!limiter.allow(otherResource), "a new resource is the same JID")
        #expect(limiter.allow(alice))
        clock.advance(by: .milliseconds(999))
        #expect(!limiter.allow(mallory))
        clock.advance(by: .milliseconds(1))
        #expect(limiter.allow(mallory))
        #expect(!limiter.allow(mallory))
    }

    @Test func configuredBurstAndInterval() throws {
        let clock = ManualClock()
        let limiter = ControlRateLimiter(limit: ControlRateLimit(burst: 2, interval: .seconds(10)), clock: clock)
        let bob = try JID("bob@example.org")
        #expect(limiter.allow(bob))
        #expect(limiter.allow(bob))
        #expect(!limiter.allow(bob))
        clock.advance(by: .seconds(9))
        #expect(!limiter.allow(bob))
        clock.advance(by: .seconds(1))
        #expect(limiter.allow(bob))
    }

    /// A flood of senders does not grow memory for good: once there are many, buckets that
    /// refilled completely are forgotten.
    @Test func fullBucketsAreForgottenWhenThereAreMany() throws {
        let clock = ManualClock()
        let limiter = ControlRateLimiter(limit: ControlRateLimit(burst: 2, interval: .seconds(1)), clock: clock)
        let senders = try (0...ControlRateLimiter<ManualClock>.pruneThreshold).map { try JID("sender\($0)@example.org") }
        #expect(senders.allSatisfy { limiter.allow($0) })
        #expect(limiter.rememberedSenders == senders.count)
        clock.advance(by: .seconds(1))
        let late = try JID("late@example.org")
        #expect(limiter.allow(late))
        #expect(limiter.rememberedSenders == 1)
        #expect(limiter.allow(late))
        #expect(!limiter.allow(late))
    }

    @Test func rateLimitFromTheConfiguration() throws {
        let configuration = try #require(loadConfiguration(configurationHeader + """
              control_rate_limit: {burst: 20, interval: 250ms}
            """))
        #expect(configuration.access.controlRateLimit == ControlRateLimit(burst: 20, interval: .milliseconds(250)))
        #expect(configurationErrors(configurationHeader + """
              control_rate_limit: {burst: 0}
            """) == ["gateway.yaml:7:31: access.control_rate_limit.burst: expected a whole number from 1 to 1000, got \"0\""])
    }
}
