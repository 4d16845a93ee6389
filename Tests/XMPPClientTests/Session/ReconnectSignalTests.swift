import Synchronization
import Testing
@testable import XMPPClient

@Suite struct ReconnectSignalTests {
    final class Sessions: Sendable {
        let woken = Mutex<[String: Duration]>([:])
        func wake(_ name: String) -> ReconnectSignal.Wake {
            { spread in self.woken.withLock { $0[name] = spread } }
        }
    }

    final class Session {}

    @Test func wakesEveryWaitingSessionOnceWithItsSpread() {
        let signal = ReconnectSignal(spread: .milliseconds(700))
        let sessions = Sessions()
        let (first, second) = (Session(), Session())
        signal.wait(ObjectIdentifier(first), wake: sessions.wake("first"))
        signal.wait(ObjectIdentifier(second), wake: sessions.wake("second"))
        signal.reachable()
        #expect(sessions.woken.withLock { $0 } == ["first": .milliseconds(700), "second": .milliseconds(700)])

        sessions.woken.withLock { $0 = [:] }
        signal.reachable()
        #expect(sessions.woken.withLock { $0.isEmpty }, "a woken session waits again only once it fails again")
    }

    @Test func forgetsSessionsThatStoppedWaiting() {
        let signal = ReconnectSignal()
        let sessions = Sessions()
        let (connecting, waiting) = (Session(), Session())
        signal.wait(ObjectIdentifier(connecting), wake: sessions.wake("connecting"))
        signal.wait(ObjectIdentifier(waiting), wake: sessions.wake("waiting"))
        signal.stopWaiting(ObjectIdentifier(connecting))
        signal.reachable()
        #expect(sessions.woken.withLock { Array($0.keys) } == ["waiting"])
    }
}
