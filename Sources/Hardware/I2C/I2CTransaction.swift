/// One transaction with one device: the SMBus operations drivers use, which Raspberry Pi
/// adapters and the kernel's `i2c-stub` both run, and a combined I2C transfer for devices
/// that need more than SMBus.
public enum I2CTransaction: Sendable, Hashable {
    /// SMBus "receive byte": one byte, no register.
    case receiveByte
    /// SMBus "send byte": one byte, no register (often a command).
    case sendByte(UInt8)
    /// SMBus "read byte data": the byte at a register.
    case readByte(register: UInt8)
    case writeByte(register: UInt8, value: UInt8)
    /// SMBus "read word data": two bytes at a register, low byte first on the wire.
    case readWord(register: UInt8)
    case writeWord(register: UInt8, value: UInt16)
    /// I2C block read: up to 32 bytes starting at a register, as a BME280's calibration. No
    /// count travels on the wire, and no SMBus PEC.
    case readBlock(register: UInt8, count: Int)
    /// I2C block write: up to 32 bytes starting at a register; no count, no PEC.
    case writeBlock(register: UInt8, bytes: [UInt8])
    /// SMBus "block read": the device sends a count, then that many bytes (up to 32). PEC can
    /// cover it.
    case readSMBusBlock(register: UInt8)
    /// SMBus "block write": a count, then up to 32 bytes. PEC can cover it.
    case writeSMBusBlock(register: UInt8, bytes: [UInt8])
    /// Messages joined by repeated starts (`I2C_RDWR`); not every adapter can.
    case combined([I2CMessage])

    /// The most bytes one SMBus block carries.
    public static let maximumBlockLength = 32

    /// What the adapter must support for this transaction.
    var requiredFunctionality: I2CFunctionality {
        switch self {
        case .receiveByte: .receiveByte
        case .sendByte: .sendByte
        case .readByte: .readByteData
        case .writeByte: .writeByteData
        case .readWord: .readWordData
        case .writeWord: .writeWordData
        case .readBlock: .readI2CBlock
        case .writeBlock: .writeI2CBlock
        case .readSMBusBlock: .readSMBusBlock
        case .writeSMBusBlock: .writeSMBusBlock
        case .combined: .plainI2C
        }
    }

    /// How many bytes a successful transaction returns: one number, except for an SMBus block
    /// read, whose length the device decides.
    var expectedResultLengths: ClosedRange<Int> {
        switch self {
        case .receiveByte, .readByte: return 1...1
        case .readWord: return 2...2
        case .readBlock(_, let count): return count...count
        case .readSMBusBlock: return 0...Self.maximumBlockLength
        case .combined(let messages):
            let total = messages.reduce(0) { total, message in
                if case .read(let count) = message { total + count } else { total }
            }
            return total...total
        case .sendByte, .writeByte, .writeWord, .writeBlock, .writeSMBusBlock: return 0...0
        }
    }

    /// Why the transaction cannot be sent at all, if it cannot.
    var invalidity: String? {
        switch self {
        case .readBlock(_, let count) where !(1...Self.maximumBlockLength).contains(count):
            "a block read of \(count) bytes (1…\(Self.maximumBlockLength))"
        case .writeBlock(_, let bytes) where !(1...Self.maximumBlockLength).contains(bytes.count),
            .writeSMBusBlock(_, let bytes) where !(1...Self.maximumBlockLength).contains(bytes.count):
            "a block write of \(bytes.count) bytes (1…\(Self.maximumBlockLength))"
        case .combined(let messages) where messages.isEmpty || messages.count > 42:
            "a combined transfer of \(messages.count) messages (1…42)"
        case .combined(let messages):
            messages.contains { message in
                switch message {
                case .write(let bytes): !(1...8192).contains(bytes.count)
                case .read(let count): !(1...8192).contains(count)
                }
            } ? "a combined-transfer message outside 1…8192 bytes" : nil
        default:
            nil
        }
    }

    /// The name used in error messages.
    var name: String {
        switch self {
        case .receiveByte: "SMBus receive byte"
        case .sendByte: "SMBus send byte"
        case .readByte: "SMBus read byte"
        case .writeByte: "SMBus write byte"
        case .readWord: "SMBus read word"
        case .writeWord: "SMBus write word"
        case .readBlock: "I2C block read"
        case .writeBlock: "I2C block write"
        case .readSMBusBlock: "SMBus block read"
        case .writeSMBusBlock: "SMBus block write"
        case .combined: "combined I2C transfer (I2C_RDWR)"
        }
    }
}
