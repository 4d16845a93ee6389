extension ModbusRegisterFormat {
    /// The registers that hold `value` in this format: the inverse of `decode`, for writing a
    /// control parameter. `nil` when the value does not fit the type after scale and offset
    /// (40000 into an int16, a negative number into a uint16).
    ///
    /// Integer types round to the nearest raw count: a setpoint of 21.26 °C at scale 0.1 is
    /// written as 213, the register's nearest step.
    public func encode(_ value: Double) -> [UInt16]? {
        let raw = (value - offset) / scale
        guard raw.isFinite else { return nil }
        var words: [UInt16]
        switch type {
        case .int16:
            guard let count = Int16(exactly: raw.rounded()) else { return nil }
            words = [UInt16(bitPattern: count)]
        case .uint16:
            guard let count = UInt16(exactly: raw.rounded()) else { return nil }
            words = [count]
        case .int32:
            guard let count = Int32(exactly: raw.rounded()) else { return nil }
            words = Self.split(UInt32(bitPattern: count))
        case .uint32:
            guard let count = UInt32(exactly: raw.rounded()) else { return nil }
            words = Self.split(count)
        case .float32:
            let float = Float(raw)
            guard float.isFinite else { return nil }
            words = Self.split(float.bitPattern)
        }
        // Both swaps undo themselves, so the order `decode` applies them in is its own inverse.
        if order.swapsBytes {
            words = words.map(\.byteSwapped)
        }
        if order.swapsWords {
            words.reverse()
        }
        return words
    }

    private static func split(_ bits: UInt32) -> [UInt16] {
        [UInt16(bits >> 16), UInt16(truncatingIfNeeded: bits)]
    }
}
