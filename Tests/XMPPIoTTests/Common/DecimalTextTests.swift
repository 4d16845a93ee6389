import Testing
@testable import XMPPIoT

@Suite struct DecimalTextTests {
    @Test(arguments: [
        (21.4, 2, "21.40"), (2.1, 1, "2.1"), (2.1, 4, "2.1000"), (21.0, 0, "21"), (2.675, 2, "2.68"),
        (0.05, 1, "0.1"), (9.96, 1, "10.0"), (99.95, 1, "100.0"), (1523.7, 1, "1523.7"),
        (0.004, 2, "0.00"), (0.006, 2, "0.01"), (1e-5, 6, "0.000010"), (1.5e20, 0, "150000000000000000000"),
        (-3.14159, 3, "-3.142"), (0.6, 0, "1"), (0.4, 0, "0"), (101325.0, 0, "101325"), (-999.95, 1, "-1000.0"),
        (123456.789, 1, "123456.8"), (.leastNonzeroMagnitude, 2, "0.00"), (1e16, 1, "10000000000000000.0"),
    ] as [(Double, Int, String)])
    func writesExactlyTheDecimalsAsked(value: Double, decimals: Int, expected: String) {
        #expect(DecimalText.text(value, decimals: decimals) == expected)
    }

    @Test func negativeZeroAfterRoundingLosesItsSign() {
        #expect(DecimalText.text(-0.04, decimals: 1) == "0.0")
        #expect(DecimalText.text(-0.0) == "0")
    }

    @Test func shortestFormHasNoBinaryNoiseOrExponent() {
        #expect(DecimalText.text(2.1) == "2.1")
        #expect(DecimalText.text(0.1 + 0.2) == "0.30000000000000004")
        #expect(DecimalText.text(21.0) == "21")
        #expect(DecimalText.text(1e-5) == "0.00001")
        #expect(DecimalText.text(-12.5) == "-12.5")
        #expect(DecimalText.text(1.25e-7) == "0.000000125")
        #expect(DecimalText.text(-2.5e21) == "-2500000000000000000000")
        #expect(DecimalText.text(.infinity) == nil)
        #expect(DecimalText.text(.nan, decimals: 2) == nil)
    }

    @Test func countsTheFractionDigitsWritten() {
        #expect(DecimalText.fractionDigits(of: "21.40") == 2)
        #expect(DecimalText.fractionDigits(of: "21") == 0)
        #expect(DecimalText.fractionDigits(of: "-0.5") == 1)
        #expect(DecimalText.fractionDigits(of: "1e3") == nil)
        #expect(DecimalText.fractionDigits(of: "INF") == nil)
        #expect(DecimalText.fractionDigits(of: ".") == nil)
    }
}
