import Foundation
import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct DelayStampTests {
    let now = date("2025-03-01T10:15:00Z")

    @Test func aControlMessageStoredTenMinutesIsTooOld() throws {
        let stanza = try message("""
            <message from='ops@example.net/laptop' to='gw@example.net/thermo-1'>\
            <set xmlns='urn:xmpp:iot:control'><boolean name='Heating' value='true'/></set>\
            <delay xmlns='urn:xmpp:delay' from='example.net' stamp='2025-03-01T10:05:00Z'/></message>
            """)
        let delay = try #require(DelayStamp(message: stanza))
        #expect(delay.stamp == date("2025-03-01T10:05:00Z"))
        #expect(delay.from == "example.net")
        #expect(delay.isOlder(than: .seconds(60), now: now))
        #expect(!delay.isOlder(than: .seconds(900), now: now))
    }

    @Test func noDelayMeansLiveAndAnUnreadableStampMeansStale() throws {
        #expect(DelayStamp(message: try message("<message><body>x</body></message>")) == nil)
        let garbled = try message("<message><delay xmlns='urn:xmpp:delay' stamp='soon'/></message>")
        #expect(try #require(DelayStamp(message: garbled)).isOlder(than: .seconds(3600), now: now))
    }
}
