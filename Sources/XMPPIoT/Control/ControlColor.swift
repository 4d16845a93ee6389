/// An XEP-0325 color: `RRGGBB` or `RRGGBBAA` in hex.
public struct ControlColor: Sendable, Hashable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    /// Nil when written with six digits.
    public var alpha: UInt8?

    public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8? = nil) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Six or eight hex digits (the XEP schema's pattern is mis-grouped; this is its intent).
    public init?(lexical text: String) {
        let text = text.trimmingWhitespace()
        guard text.count == 6 || text.count == 8, text.allSatisfy(\.isHexDigit),
              let number = UInt32(text, radix: 16) else { return nil }
        let shift: UInt32 = text.count == 8 ? 8 : 0
        red = UInt8(truncatingIfNeeded: number >> (16 + shift))
        green = UInt8(truncatingIfNeeded: number >> (8 + shift))
        blue = UInt8(truncatingIfNeeded: number >> shift)
        alpha = text.count == 8 ? UInt8(truncatingIfNeeded: number) : nil
    }

    public var lexical: String {
        ([red, green, blue] + (alpha.map { [$0] } ?? [])).map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
