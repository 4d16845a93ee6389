import Testing
@testable import XMPPIoT

@Suite struct XSDurationTests {
    @Test(arguments: ["PT3M30S", "P1DT2H", "PT5H", "-P1Y", "PT0.5S", "P1Y2M3DT4H5M6.7S"])
    func acceptsLexicalDurations(text: String) {
        #expect(XSDuration(lexical: text)?.lexical == text)
    }

    @Test(arguments: ["P", "PT", "P1H", "PT1D", "3M", "P1.5D", "PT1S2M", "P1DT"])
    func refusesMalformedDurations(text: String) {
        #expect(XSDuration(lexical: text) == nil)
    }

    @Test func writesWholeSecondsAsHoursMinutesSeconds() {
        #expect(XSDuration(seconds: 3723).lexical == "PT1H2M3S")
        #expect(XSDuration(seconds: 0).lexical == "PT0S")
        #expect(XSDuration(seconds: 7200).lexical == "PT2H")
        #expect(XSDuration(seconds: -90).lexical == "-PT1M30S")
    }
}
