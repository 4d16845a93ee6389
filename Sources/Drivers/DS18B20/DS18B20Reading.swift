/// A DS18B20 temperature read through the kernel's `w1_therm` driver, from either the
/// two-line `w1_slave` file or the newer one-number `temperature` file.
///
/// Refuses, each with its own error, the values that look like readings but are not (pain
/// point 7): a scratchpad the kernel's CRC check marked `NO`, an all-zero scratchpad (its CRC is
/// zero, so it "passes"), the 85 °C power-on value, 0x07FF (127.94 °C), −127 °C (the "device
/// disconnected" value of the widely used Dallas Temperature library, which bridges pass on),
/// and anything outside the sensor's −55…125 °C.
public struct DS18B20Reading: Sendable, Hashable {
    public var temperature: Double
    /// The 9 scratchpad bytes, when read from `w1_slave`.
    public var scratchpad: [UInt8]?

    public static let temperatureLimit: ClosedRange<Double> = -55...125
    /// The scratchpad's temperature after power-on, before any conversion finished.
    public static let powerOnMillidegrees = 85_000
    /// How close the previous reading must be for 85 °C to be believed.
    public static let powerOnTolerance = 5.0

    /// Parses `w1_slave`:
    /// ```
    /// 72 01 4b 46 7f ff 0c 10 c6 : crc=c6 YES
    /// 72 01 4b 46 7f ff 0c 10 c6 t=23125
    /// ```
    /// `previousTemperature` lets a real 85 °C through when the last reading was near it; a
    /// power-on value comes from nowhere.
    public init(w1Slave text: String, previousTemperature: Double? = nil) throws(DriverError) {
        let lines = text.split(whereSeparator: \.isNewline)
        guard lines.count >= 2 else {
            throw .truncated(sensor: .ds18b20, expected: 2, got: lines.count)
        }
        let crcParts = lines[0].split(separator: ":", maxSplits: 1)
        guard crcParts.count == 2 else {
            throw .malformed(sensor: .ds18b20, reason: "no ': crc=' in \"\(lines[0])\"")
        }
        let scratchpad = try Self.scratchpad(crcParts[0])
        // `crc=` is the CRC the kernel computed over bytes 0…7; byte 8 is the one the sensor sent.
        let verdict = crcParts[1].split(separator: " ")
        guard verdict.count == 2, verdict[0].hasPrefix("crc="), verdict[0].count == 6,
            let kernelCRC = UInt8(verdict[0].dropFirst(4), radix: 16), ["YES", "NO"].contains(verdict[1])
        else {
            throw .malformed(sensor: .ds18b20, reason: "unexpected CRC verdict \"\(crcParts[1])\"")
        }
        guard verdict[1] == "YES" else {
            throw .badChecksum(sensor: .ds18b20, expected: UInt16(kernelCRC), actual: UInt16(scratchpad[8]))
        }
        // Check a YES too: the text could have been garbled after the kernel's check.
        let computed = CRC8.maxim.checksum(scratchpad[0..<8])
        guard computed == scratchpad[8] else {
            throw .badChecksum(sensor: .ds18b20, expected: UInt16(computed), actual: UInt16(scratchpad[8]))
        }
        guard scratchpad.contains(where: { $0 != 0 }) else {
            throw .sentinelValue(
                sensor: .ds18b20, field: "temperature", value: 0,
                meaning: "all-zero scratchpad (bus held low; its CRC is zero too)"
            )
        }
        guard let field = lines[1].split(separator: " ").last, field.hasPrefix("t="),
            let millidegrees = Int(field.dropFirst(2))
        else {
            throw .malformed(sensor: .ds18b20, reason: "no t=<millidegrees> in \"\(lines[1])\"")
        }
        temperature = try Self.checked(millidegrees: millidegrees, previous: previousTemperature)
        self.scratchpad = scratchpad
    }

    /// Parses the `temperature` file: millidegrees as one integer.
    public init(temperatureFile text: String, previousTemperature: Double? = nil) throws(DriverError) {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty else {
            throw .truncated(sensor: .ds18b20, expected: 1, got: 0)
        }
        guard let millidegrees = Int(trimmed) else {
            throw .malformed(sensor: .ds18b20, reason: "temperature \"\(trimmed)\" is not an integer")
        }
        temperature = try Self.checked(millidegrees: millidegrees, previous: previousTemperature)
        scratchpad = nil
    }

    public var measurements: [MeasuredValue] {
        [MeasuredValue(field: "temperature", value: temperature, unit: .celsius)]
    }

    private static func scratchpad(_ hex: Substring) throws(DriverError) -> [UInt8] {
        let words = hex.split(separator: " ")
        guard words.count == 9 else {
            throw .truncated(sensor: .ds18b20, expected: 9, got: words.count)
        }
        var bytes: [UInt8] = []
        for word in words {
            guard word.count == 2, let byte = UInt8(word, radix: 16) else {
                throw .malformed(sensor: .ds18b20, reason: "scratchpad byte \"\(word)\" is not two hex digits")
            }
            bytes.append(byte)
        }
        return bytes
    }

    private static func checked(millidegrees: Int, previous: Double?) throws(DriverError) -> Double {
        let celsius = Double(millidegrees) / 1000
        let powerOn = Double(powerOnMillidegrees) / 1000
        if millidegrees == powerOnMillidegrees,
            previous.map({ abs($0 - powerOn) > powerOnTolerance }) ?? true
        {
            throw .sentinelValue(
                sensor: .ds18b20, field: "temperature", value: celsius,
                meaning: "power-on value: no conversion finished (weak pull-up or power glitch)"
            )
        }
        // 0x07FF is the largest 12-bit reading, 2047 / 16 °C; the kernel truncates it to 127937.
        if millidegrees == 127_937 {
            throw .sentinelValue(
                sensor: .ds18b20, field: "temperature", value: celsius, meaning: "0x07FF, a failed read"
            )
        }
        if millidegrees == -127_000 {
            throw .sentinelValue(
                sensor: .ds18b20, field: "temperature", value: celsius, meaning: "−127 °C, device disconnected"
            )
        }
        return try temperatureLimit.admitting(celsius, field: "temperature", sensor: .ds18b20)
    }
}
