/// How a value is stored in one or two Modbus registers, and how to scale it: the per-register
/// setting a Modbus device model declares, because vendors disagree on word and byte order.
public struct ModbusRegisterFormat: Sendable, Hashable {
    /// The value's type on the wire: one register for 16 bits, two for 32.
    public enum ValueType: Sendable, Hashable, CaseIterable {
        case int16, uint16, int32, uint32, float32

        public var registerCount: Int {
            switch self {
            case .int16, .uint16: 1
            case .int32, .uint32, .float32: 2
            }
        }
    }

    /// Where the bytes of a value sit in the registers, A being the most significant byte.
    /// `abcd` is the standard's big-endian order; `cdab` swaps the two words; `badc` swaps the
    /// bytes inside each word; `dcba` does both. For 16-bit types only the byte swap applies.
    public enum ByteOrder: String, Sendable, Hashable, CaseIterable {
        case abcd = "ABCD"
        case cdab = "CDAB"
        case badc = "BADC"
        case dcba = "DCBA"

        var swapsWords: Bool {
            self == .cdab || self == .dcba
        }

        var swapsBytes: Bool {
            self == .badc || self == .dcba
        }
    }

    public var type: ValueType
    public var order: ByteOrder
    /// Applied as `raw × scale + offset`.
    public var scale: Double
    public var offset: Double

    public init(type: ValueType, order: ByteOrder = .abcd, scale: Double = 1, offset: Double = 0) {
        self.type = type
        self.order = order
        self.scale = scale
        self.offset = offset
    }

    /// The scaled value held in the first `type.registerCount` of `registers`.
    public func decode(_ registers: [UInt16]) throws(DriverError) -> Double {
        guard registers.count >= type.registerCount else {
            throw .truncated(sensor: .modbus, expected: type.registerCount, got: registers.count)
        }
        var words = Array(registers.prefix(type.registerCount))
        if order.swapsBytes {
            words = words.map(\.byteSwapped)
        }
        if order.swapsWords {
            words.reverse()
        }
        let raw: Double
        switch type {
        case .int16: raw = Double(Int16(bitPattern: words[0]))
        case .uint16: raw = Double(words[0])
        case .int32: raw = Double(Int32(bitPattern: Self.joined(words)))
        case .uint32: raw = Double(Self.joined(words))
        case .float32:
            let float = Float(bitPattern: Self.joined(words))
            // Meters answer NaN for a quantity they cannot measure right now.
            guard float.isFinite else {
                throw .malformed(sensor: .modbus, reason: "float32 register value is \(float)")
            }
            raw = Double(float)
        }
        return raw * scale + offset
    }

    private static func joined(_ words: [UInt16]) -> UInt32 {
        UInt32(words[0]) << 16 | UInt32(words[1])
    }
}
