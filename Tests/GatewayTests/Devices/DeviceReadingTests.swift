import Drivers
import Foundation
import Testing
@testable import Gateway

@Suite("read <device>: one reading straight from the driver")
struct DeviceReadingTests {
    @Test func aSimulatedBME280ReadsThroughItsRealDriver() async throws {
        let scratch = try ScratchDirectory()
        let configuration = try #require(loadConfiguration(configurationHeader + """
            devices:
              - id: living
                model: bme280
                simulate: true
            """))
        let lines = try await DeviceReading.once(
            configuration.devices[0], publishing: configuration.publishing.defaults, stateDirectory: scratch.url.path,
            notice: { Issue.record("unexpected notice: \($0)") })
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("temperature = ") == true)
        #expect(lines.first?.hasSuffix(" °C") == true)
    }

    @Test func numbersHaveTheFieldsDecimals() {
        #expect(FieldValue.number(21.456).text(precision: 2) == "21.46")
        #expect(FieldValue.number(21.4).text(precision: 2) == "21.40")
        #expect(FieldValue.number(1013.25).text(precision: 0) == "1013")
        #expect(FieldValue.number(21.4).text(precision: nil) == "21.4")
    }
}
