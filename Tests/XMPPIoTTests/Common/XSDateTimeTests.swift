import Foundation
import Testing
@testable import XMPPIoT

@Suite struct XSDateTimeTests {
    @Test func readsUTCOffsetsAndNaiveTimes() throws {
        let utc = try #require(XSDateTime(lexical: "2025-03-01T10:15:00Z"))
        #expect(utc.date.timeIntervalSince1970 == 1_740_824_100)
        #expect(utc.hasTimeZone)
        let offset = try #require(XSDateTime(lexical: "2025-03-01T11:15:00+01:00"))
        #expect(offset.date == utc.date)
        let naive = try #require(XSDateTime(lexical: "2025-03-01T10:15:00"))
        #expect(naive.date == utc.date)
        #expect(!naive.hasTimeZone)
        let fraction = try #require(XSDateTime(lexical: "2025-03-01T10:15:00.250Z"))
        #expect(fraction.date.timeIntervalSince1970 == 1_740_824_100.25)
    }

    @Test(arguments: ["2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-03-01 10:15:00", "2025-03-01T25:00:00Z",
                      "2025-03-01T10:15Z", "yesterday", "2025-03-01T10:15:00+1:00", "2025-03-01T10:15:00Zjunk"])
    func refusesWhatIsNotAnXSDateTime(text: String) {
        #expect(XSDateTime(lexical: text) == nil)
    }

    @Test func writesUTCToTheSecond() {
        #expect(XSDateTime.text(Date(timeIntervalSince1970: 1_740_824_100.9)) == "2025-03-01T10:15:00Z")
        #expect(XSDateTime.text(Date(timeIntervalSince1970: 951_782_400), withZone: false) == "2000-02-29T00:00:00")
        #expect(XSDateTime.text(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    /// Milliseconds are cut off, never rounded up into the next second.
    @Test func writesMillisecondsWhenAsked() {
        #expect(XSDateTime.text(Date(timeIntervalSince1970: 1_700_000_000.25), withMilliseconds: true) == "2023-11-14T22:13:20.250Z")
        #expect(XSDateTime.text(Date(timeIntervalSince1970: 1_700_000_000.9996), withMilliseconds: true) == "2023-11-14T22:13:20.999Z")
        #expect(XSDateTime.text(Date(timeIntervalSince1970: -0.25), withMilliseconds: true) == "1969-12-31T23:59:59.750Z")
        #expect(XSDateTime.text(Date(timeIntervalSince1970: 951_782_400), withZone: false, withMilliseconds: true) == "2000-02-29T00:00:00.000")
    }
}
