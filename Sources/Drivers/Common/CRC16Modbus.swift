/// CRC-16/MODBUS: reflected polynomial 0xA001, start 0xFFFF, no final XOR.
/// Sent on the wire low byte first. Check: ASCII "123456789" → 0x4B37.
public enum CRC16Modbus {
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte)
            for _ in 0..<8 {
                crc = crc & 0x0001 != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1
            }
        }
        return crc
    }

    /// `bytes` followed by their CRC, low byte first, as a Modbus RTU frame carries it.
    public static func appending(to bytes: [UInt8]) -> [UInt8] {
        let crc = checksum(bytes)
        return bytes + [UInt8(truncatingIfNeeded: crc), UInt8(truncatingIfNeeded: crc >> 8)]
    }
}
