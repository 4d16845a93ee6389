extension Double {
    /// A plain decimal number: optional sign, digits, optional fraction (`-10100`, `0.001000000`,
    /// `4807.038`).
    ///
    /// `Double(String)` also accepts `nan`, `inf`, hex floats and exponents; none of those is a
    /// valid sysfs or NMEA value, and letting them through would turn a garbled line into a number.
    /// So many digits that the value overflows to infinity are refused for the same reason.
    init?(decimalText text: some StringProtocol) {
        var digits = 0
        var dots = 0
        for (offset, character) in text.enumerated() {
            switch character {
            case "0"..."9": digits += 1
            case ".": dots += 1
            case "-" where offset == 0, "+" where offset == 0: continue
            default: return nil
            }
        }
        guard digits > 0, dots <= 1, let value = Double(String(text)), value.isFinite else { return nil }
        self = value
    }
}
