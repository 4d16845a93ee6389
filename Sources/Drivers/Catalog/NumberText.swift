/// Numbers as people write them in YAML files and as simple serial devices print them.
enum NumberText {
    /// A whole number: optional sign, then decimal digits or `0x` and hex digits.
    static func integer(_ text: some StringProtocol) -> Int? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        let magnitude: Int?
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            magnitude = Int(body.dropFirst(2), radix: 16)
        } else {
            magnitude = !body.isEmpty && body.allSatisfy({ ("0"..."9").contains($0) }) ? Int(body) : nil
        }
        return magnitude.map { negative ? -$0 : $0 }
    }

    /// A finite number in decimal or exponent notation (`0.001`, `1e-3`, `0x10`); no `nan`,
    /// `inf` or hex floats, which `Double(String)` would otherwise let through.
    static func number(_ text: some StringProtocol) -> Double? {
        if let value = integer(text) { return Double(value) }
        guard text.allSatisfy({ "0123456789.eE+-".contains($0) }), let value = Double(String(text)), value.isFinite else {
            return nil
        }
        return value
    }
}
