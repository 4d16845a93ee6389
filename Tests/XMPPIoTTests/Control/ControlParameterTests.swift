import Testing
@testable import XMPPIoT

@Suite struct ControlParameterTests {
    @Test func currentValuesReadForAPerson() {
        #expect(ControlFixtures.setpoint.currentValueText == "21.5 °C")
        #expect(ControlFixtures.heating.currentValueText == "on")
        #expect(ControlFixtures.mode.currentValueText == "heat")
        #expect(ControlFixtures.minimumOnTime.currentValueText == "300 s")
        #expect(ControlFixtures.temperature.currentValueText == nil)
        #expect(ControlFixtures.setpoint.humanText(.double(22)) == "22.0 °C")
    }

    @Test func widensLosslesslyOnly() throws {
        let counter = ControlParameter(name: "Counter", type: .long)
        #expect(try counter.validate(.int(5)) == .long(5))
        #expect(throws: ControlParameterError(parameter: "Counter", reason: .wrongType(expected: .long, got: .double))) {
            try counter.validate(.double(5))
        }
        let level = ControlParameter(name: "Level", type: .double, minimum: 0)
        #expect(try level.validate(.long(1 << 53)) == .double(9_007_199_254_740_992))
        #expect(throws: ControlParameterError.self) { try level.validate(.long((1 << 53) + 1)) }
        #expect(throws: ControlParameterError(parameter: "Level", reason: .outOfRange(minimum: "0", maximum: nil, unit: ""))) {
            try level.validate(.double(-1))
        }
        #expect(ControlParameterError(parameter: "Level", reason: .outOfRange(minimum: "0", maximum: nil, unit: "")).description
            == "Level must be at least 0.")
    }
}
