import Testing
@testable import Drivers

/// Fixtures: anchors.md part (d), "SHT3x" — T word 0x6666 (CRC 0x93) is 25.00 °C,
/// RH word 0x8000 (CRC 0xA2) is 50.00 %; commands and timings from the Sensirion SHT3x-DIS datasheet.
struct SHT3xTests {
    @Test func goldenMeasurement() throws {
        let reading = try SHT3xReading(bytes: hexBytes("66 66 93 80 00 a2"))
        #expect(abs(reading.temperature - 25.00) < 1e-9)
        #expect(abs(reading.humidity - 50.00) < 0.001)
        #expect(reading.measurements.map(\.unit) == [.celsius, .percentRelativeHumidity])
    }

    @Test(arguments: [
        ("66 66 92 80 00 a2", DriverError.badChecksum(sensor: .sht3x, expected: 0x93, actual: 0x92)),
        ("66 66 93 80 01 a2", .badChecksum(sensor: .sht3x, expected: 0x93, actual: 0xA2)),
        ("66 66 93 80 00", .truncated(sensor: .sht3x, expected: 6, got: 5)),
        // An all-ones bus passes no CRC: CRC(FF FF) is 0xAC.
        ("ff ff ff ff ff ff", .badChecksum(sensor: .sht3x, expected: 0xAC, actual: 0xFF)),
        // 0xFFFF with its correct CRC converts to 130 °C, beyond the sensor's 125 °C.
        ("ff ff ac 80 00 a2", .implausibleValue(sensor: .sht3x, field: "temperature", value: 130, limit: -40...125)),
    ])
    func badWordsAreRefused(hex: String, expected: DriverError) throws {
        let bytes = try hexBytes(hex)
        #expect(driverError { try SHT3xReading(bytes: bytes) } == expected)
    }

    @Test(arguments: [
        (SHT3xCommand.singleShot(.high), [UInt8(0x24), 0x00]),
        (.singleShot(.medium), [0x24, 0x0B]),
        (.singleShot(.low), [0x24, 0x16]),
        (.softReset, [0x30, 0xA2]),
    ])
    func commandBytes(command: SHT3xCommand, bytes: [UInt8]) {
        #expect(command.bytes == bytes)
    }

    @Test func higherRepeatabilityTakesLonger() {
        let durations = SHT3xCommand.Repeatability.allCases.map(\.maximumDuration)
        #expect(durations == [.milliseconds(15), .milliseconds(6), .milliseconds(4)])
    }
}
