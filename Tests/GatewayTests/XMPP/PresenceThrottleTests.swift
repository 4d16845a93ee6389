import Testing
@testable import Gateway

@Suite("Presence throttle")
struct PresenceThrottleTests {
    @Test func aFlappingSensorSendsAtMostOnePresencePerInterval() {
        let start = ContinuousClock.now
        var throttle = PresenceThrottle(interval: .seconds(5))
        #expect(throttle.change(at: start) == .sendNow)
        #expect(throttle.change(at: start + .seconds(1)) == .sendAt(start + .seconds(5)))
        #expect(throttle.change(at: start + .seconds(2)) == .alreadyScheduled)
        throttle.sent(at: start + .seconds(5))
        #expect(throttle.change(at: start + .seconds(6)) == .sendAt(start + .seconds(10)))
        throttle.sent(at: start + .seconds(10))
        #expect(throttle.change(at: start + .seconds(30)) == .sendNow)
    }
}
