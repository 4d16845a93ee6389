import Testing
@testable import Drivers

struct CommonTests {
    // Check values: Sensirion SHT3x datasheet, checksum calculation (0xBEEF → 0x92); the SHT3x words and
    // DS18B20 scratchpads from anchors.md part (d).
    @Test(arguments: [
        (CRC8.sensirion, "be ef", UInt8(0x92)),
        (CRC8.sensirion, "66 66", 0x93),
        (CRC8.sensirion, "80 00", 0xA2),
        (CRC8.maxim, "72 01 4b 46 7f ff 0c 10", 0xC6),
        (CRC8.maxim, "5e ff 4b 46 7f ff 0c 10", 0x6A),
        (CRC8.maxim, "00 00 00 00 00 00 00 00", 0x00),
    ])
    func crc8(crc: CRC8, hex: String, expected: UInt8) throws {
        #expect(crc.checksum(try hexBytes(hex)) == expected)
    }

    // CRC-16/MODBUS check value over ASCII "123456789" and the read request, both from anchors.md.
    @Test func crc16Modbus() throws {
        #expect(CRC16Modbus.checksum(Array("123456789".utf8)) == 0x4B37)
        #expect(CRC16Modbus.appending(to: try hexBytes("01 03 00 00 00 02")) == (try hexBytes("01 03 00 00 00 02 c4 0b")))
    }

    @Test(arguments: [
        ("-10100", -10100.0),
        ("0.001000000", 0.001),
        ("+1.5", 1.5),
        ("4807.038", 4807.038),
        ("100.653253906", 100.653253906),
    ])
    func decimalTextAccepted(text: String, expected: Double) {
        #expect(Double(decimalText: text) == expected)
    }

    // The last one overflows to infinity.
    @Test(arguments: ["", "-", ".", "nan", "inf", "-infinity", "1e3", "0x10", "1.2.3", "1-2", "12 ", " 12", String(repeating: "9", count: 400)])
    func decimalTextRefused(text: String) {
        #expect(Double(decimalText: text) == nil)
    }

    @Test func errorDescriptionNamesTheNumbers() {
        let checksum = DriverError.badChecksum(sensor: .sht3x, expected: 0x92, actual: 0x93)
        #expect(checksum.description == "SHT3x: bad checksum: expected 0x92, got 0x93")
        let chip = DriverError.badChipID(sensor: .bme280, expected: [0x60, 0x58], got: 0x61)
        #expect(chip.description == "BME280: unexpected chip id 0x61, expected one of 0x60, 0x58")
        let modbus = DriverError.modbusException(unit: 1, function: 3, code: .illegalDataAddress)
        #expect(modbus.description.contains("0x02 (illegal data address)"))
    }

    @Test(arguments: [
        (" 42\n", "42"),
        ("\t\n", ""),
        ("dht11", "dht11"),
        ("$GPGGA,*47\r\n", "$GPGGA,*47"),
    ])
    func trimmed(text: String, expected: String) {
        #expect(text.trimmed == expected)
    }
}
