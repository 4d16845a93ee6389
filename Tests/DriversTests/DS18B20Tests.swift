import Testing
@testable import Drivers

/// Fixtures: anchors.md part (d), "DS18B20" — `w1_slave` texts with correct CRCs, and the
/// values to refuse (pain point 7). The 0x07FF and all-zero scratchpads carry their true
/// Dallas CRC (0xA6 and 0x00).
struct DS18B20Tests {
    /// A `w1_slave` text whose kernel check passed (`crc=` equals the last scratchpad byte).
    static func w1Slave(_ scratchpad: String, t: String) -> String {
        "\(scratchpad) : crc=\(scratchpad.suffix(2)) YES\n\(scratchpad) t=\(t)\n"
    }

    @Test(arguments: [
        ("72 01 4b 46 7f ff 0c 10 c6", "23125", 23.125),
        ("5e ff 4b 46 7f ff 0c 10 6a", "-10125", -10.125),
    ])
    func goldenW1Slave(scratchpad: String, t: String, celsius: Double) throws {
        let reading = try DS18B20Reading(w1Slave: Self.w1Slave(scratchpad, t: t))
        #expect(reading.temperature == celsius)
        #expect(reading.scratchpad == (try hexBytes(scratchpad)))
        #expect(reading.measurements == [MeasuredValue(field: "temperature", value: celsius, unit: .celsius)])
    }

    @Test(arguments: [
        // As w1_therm prints a failed check: its own CRC after `crc=`, the received byte last.
        ("72 01 4b 46 7f ff 0c 10 c7 : crc=c6 NO\n72 01 4b 46 7f ff 0c 10 c7 t=23125\n",
         DriverError.badChecksum(sensor: .ds18b20, expected: 0xC6, actual: 0xC7)),
        // The kernel said YES but the bytes do not add up: garbled after the check.
        (w1Slave("72 01 4b 46 7f ff 0c 10 c7", t: "23125"), .badChecksum(sensor: .ds18b20, expected: 0xC6, actual: 0xC7)),
        ("72 01 4b 46 7f ff 0c 10 c6 : crc=c6 MAYBE\n72 01 4b 46 7f ff 0c 10 c6 t=23125\n",
         .malformed(sensor: .ds18b20, reason: "unexpected CRC verdict \" crc=c6 MAYBE\"")),
        (w1Slave("50 05 4b 46 7f ff 0c 10 1c", t: "85000"), .sentinelValue(
            sensor: .ds18b20, field: "temperature", value: 85,
            meaning: "power-on value: no conversion finished (weak pull-up or power glitch)")),
        (w1Slave("00 00 00 00 00 00 00 00 00", t: "0"), .sentinelValue(
            sensor: .ds18b20, field: "temperature", value: 0,
            meaning: "all-zero scratchpad (bus held low; its CRC is zero too)")),
        (w1Slave("ff 07 4b 46 7f ff 0c 10 a6", t: "127937"), .sentinelValue(
            sensor: .ds18b20, field: "temperature", value: 127.937, meaning: "0x07FF, a failed read")),
        ("72 01 4b 46 7f ff 0c 10 c6 : crc=c6 YES\n", .truncated(sensor: .ds18b20, expected: 2, got: 1)),
        // w1_therm returns an empty file when the conversion failed ("data may be corrupted").
        ("", .truncated(sensor: .ds18b20, expected: 2, got: 0)),
        ("72 01 4b 46 7f ff 0c c6 : crc=c6 YES\n72 01 4b 46 7f ff 0c c6 t=23125\n",
         .truncated(sensor: .ds18b20, expected: 9, got: 8)),
        ("72 01 4b 46 7f ff 0c 10 c6 crc=c6 YES\n72 01 4b 46 7f ff 0c 10 c6 t=23125\n",
         .malformed(sensor: .ds18b20, reason: "no ': crc=' in \"72 01 4b 46 7f ff 0c 10 c6 crc=c6 YES\"")),
        (w1Slave("72 01 4b 46 7f ff 0c 10 c6", t: ""),
         .malformed(sensor: .ds18b20, reason: "no t=<millidegrees> in \"72 01 4b 46 7f ff 0c 10 c6 t=\"")),
    ])
    func badW1SlaveIsRefused(text: String, expected: DriverError) {
        #expect(driverError { try DS18B20Reading(w1Slave: text) } == expected)
    }

    @Test(arguments: [
        ("23125\n", nil, 23.125),
        ("-55000", nil, -55),
        // A real 85 °C follows a reading near it.
        ("85000\n", 84.5, 85),
    ] as [(String, Double?, Double)])
    func temperatureFileIsAccepted(text: String, previous: Double?, celsius: Double) throws {
        #expect(try DS18B20Reading(temperatureFile: text, previousTemperature: previous).temperature == celsius)
    }

    @Test(arguments: [
        ("85000", nil, "power-on value"),
        ("85000", 20.0, "power-on value"),
        ("-127000", nil, "disconnected"),
        ("125001", nil, "implausible"),
        ("-55001", nil, "implausible"),
        ("", nil, "truncated"),
        ("23.125", nil, "malformed"),
    ] as [(String, Double?, String)])
    func temperatureFileIsRefused(text: String, previous: Double?, reason: String) {
        let error = driverError { try DS18B20Reading(temperatureFile: text, previousTemperature: previous) }
        switch error {
        case let .sentinelValue(_, _, _, meaning): #expect(meaning.contains(reason))
        case .implausibleValue(.ds18b20, "temperature", _, -55...125): #expect(reason == "implausible")
        case .truncated: #expect(reason == "truncated")
        case .malformed: #expect(reason == "malformed")
        default: Issue.record("unexpected \(String(describing: error)) for \(text)")
        }
    }
}
