// Multi-byte words out of a byte array. Callers check the array's length first, so an index
// here is never out of range on short input.
extension Array where Element == UInt8 {
    func bigEndianUInt16(at index: Int) -> UInt16 {
        UInt16(self[index]) << 8 | UInt16(self[index + 1])
    }

    func littleEndianUInt16(at index: Int) -> UInt16 {
        UInt16(self[index + 1]) << 8 | UInt16(self[index])
    }
}
