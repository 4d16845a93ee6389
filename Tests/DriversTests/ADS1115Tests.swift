import Testing
@testable import Drivers

/// Fixtures: TI ADS1115 datasheet, Config Register (default value 0x8583), and anchors.md part (d)
/// (0xC383: start, AIN0 vs GND, ±4.096 V, single shot, 128 SPS, comparator off; 125 µV per count).
struct ADS1115Tests {
    @Test(arguments: [
        (ADS1115Configuration(input: .ain0, range: .volts4_096), 0xC383),
        (ADS1115Configuration(input: .ain0MinusAin1), 0x8583),
        (ADS1115Configuration(input: .ain1, range: .volts6_144, dataRate: .sps8), 0xD103),
        (ADS1115Configuration(input: .ain3, range: .volts0_256, dataRate: .sps860, singleShot: false), 0x7AE3),
    ] as [(ADS1115Configuration, UInt16)])
    func configRegister(configuration: ADS1115Configuration, value: UInt16) {
        #expect(configuration.registerValue == value)
        #expect(configuration.bytes == [0x01, UInt8(value >> 8), UInt8(value & 0xFF)])
    }

    @Test(arguments: [
        ([UInt8(0x40), 0x00], ADS1115Configuration.FullScaleRange.volts4_096, 2.048),
        ([0x00, 0x01], .volts4_096, 0.000125),
        ([0xC0, 0x00], .volts2_048, -1.024),
        ([0x20, 0x00], .volts6_144, 1.536),
        ([0x7F, 0xFE], .volts0_256, 0.256 * 32766 / 32768),
        ([0x80, 0x01], .volts1_024, -1.024 * 32767 / 32768),
    ])
    func conversionToVolts(bytes: [UInt8], range: ADS1115Configuration.FullScaleRange, volts: Double) throws {
        let conversion = try ADS1115Conversion(bytes: bytes, range: range)
        #expect(abs(conversion.volts - volts) < 1e-12)
        #expect(abs(try conversion.measurement().value - volts) < 1e-12)
    }

    // 0x7FFF and 0x8000 are where the converter clips: the input was outside the range.
    @Test(arguments: [[UInt8(0x7F), 0xFF], [0x80, 0x00]])
    func saturatedConversionsAreRefused(bytes: [UInt8]) throws {
        let conversion = try ADS1115Conversion(bytes: bytes, range: .volts2_048)
        guard case .implausibleValue(.ads1115, "voltage", _, _) = driverError({ try conversion.measurement() }) else {
            Issue.record("saturated \(bytes) accepted")
            return
        }
    }

    @Test func shortReadsAreRefused() {
        #expect(driverError { try ADS1115Conversion(bytes: [0x40], range: .volts2_048) } == .truncated(sensor: .ads1115, expected: 2, got: 1))
        #expect(driverError { try ADS1115Configuration.isIdle(configRegister: []) } == .truncated(sensor: .ads1115, expected: 2, got: 0))
    }

    @Test func operationalStatusBit() throws {
        #expect(try ADS1115Configuration.isIdle(configRegister: [0x85, 0x83]))
        #expect(try !ADS1115Configuration.isIdle(configRegister: [0x05, 0x83]))
    }

    @Test func conversionTimeIsOnePeriod() {
        #expect(ADS1115Configuration.DataRate.sps8.conversionTime == .milliseconds(125))
        #expect(ADS1115Configuration.DataRate.sps860.conversionTime == .microseconds(1163))
    }
}
