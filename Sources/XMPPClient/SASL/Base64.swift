/// Base64 as SASL uses it (RFC 4648 §4, the standard alphabet): no line breaks, padding
/// required. XMPP carries every SASL payload this way (RFC 6120 §6.4.2), and SCRAM
/// carries salts, proofs and signatures this way inside its messages.
///
/// Decoding is strict — any character outside the alphabet, missing or misplaced
/// padding, or non-zero bits left over in the last character makes it fail — so a
/// garbled message is refused rather than quietly read as something else.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let padding = UInt8(ascii: "=")

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let first = bytes[index]
            let second = remaining > 1 ? bytes[index + 1] : 0
            let third = remaining > 2 ? bytes[index + 2] : 0
            output.append(alphabet[Int(first >> 2)])
            output.append(alphabet[Int((first & 0x03) << 4 | second >> 4)])
            output.append(remaining > 1 ? alphabet[Int((second & 0x0F) << 2 | third >> 6)] : padding)
            output.append(remaining > 2 ? alphabet[Int(third & 0x3F)] : padding)
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The decoded bytes, or `nil` if `text` is not canonical padded Base64.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count / 4 * 3)
        var quadStart = 0
        while quadStart < characters.count {
            let isLastQuad = quadStart + 4 == characters.count
            let quad = characters[quadStart ..< quadStart + 4]
            let paddingCount = quad.reversed().prefix { $0 == padding }.count
            // Padding only at the very end, and at most two characters of it.
            guard paddingCount == 0 || (isLastQuad && paddingCount <= 2) else { return nil }
            var bits: UInt32 = 0
            for character in quad.dropLast(paddingCount) {
                guard let value = sextet(character) else { return nil }
                bits = bits << 6 | UInt32(value)
            }
            bits <<= 6 * UInt32(paddingCount)
            let decoded = [UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits)]
            let keptCount = 3 - paddingCount
            // Bits the padding says are unused must be zero, or two texts would decode alike.
            guard decoded[keptCount...].allSatisfy({ $0 == 0 }) else { return nil }
            output.append(contentsOf: decoded.prefix(keptCount))
            quadStart += 4
        }
        return output
    }

    private static func sextet(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A") ... UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a") ... UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
