import Testing
@testable import Drivers

struct SettingTextTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)), ("30s", .seconds(30)), ("5min", .seconds(300)), ("1.5min", .seconds(90)),
        ("2h", .seconds(7200)), ("1d", .seconds(86_400)), ("250us", .microseconds(250)), ("10 s", .seconds(10)),
        ("0s", .zero),
    ])
    func durations(text: String, expected: Duration) {
        #expect(Duration(settingText: text) == expected)
    }

    @Test(arguments: ["30", "-5s", "5 minutes", "s", "1e3s", "nans", "5m"])
    func durationsWithoutAUnitOrNumberAreRefused(text: String) {
        #expect(Duration(settingText: text) == nil)
    }

    @Test func durationTextRoundTrips() {
        #expect(Duration.seconds(300).settingText == "5min")
        #expect(Duration.milliseconds(1500).settingText == "1500ms")
        #expect(Duration.seconds(3600).settingText == "1h")
        #expect(Duration.zero.settingText == "0s")
    }

    @Test func numbers() {
        #expect(NumberText.integer("0x76") == 118)
        #expect(NumberText.integer("-12") == -12)
        #expect(NumberText.integer("1.0") == nil)
        #expect(NumberText.integer("") == nil)
        #expect(NumberText.number("1e-3") == 0.001)
        #expect(NumberText.number("nan") == nil)
        #expect(NumberText.number("inf") == nil)
        #expect(NumberText.number("1e999") == nil)
    }

    @Test func editDistance() {
        #expect("kitten".editDistance(to: "sitting") == 3)
        #expect("".editDistance(to: "abc") == 3)
        #expect("expire".closestMatch(in: ["expire_after", "filters"]) == "expire_after")
        #expect("exp".closestMatch(in: ["expire_after", "filters"]) == nil)
        #expect("colour".closestMatch(in: ["count", "unit"]) == nil)
        #expect("expireAfter".closestMatch(in: ["expire_after", "filters"]) == "expire_after")
        #expect("filtres".closestMatch(in: ["expire_after", "filters"]) == "filters")
    }
}
