/// Writes a `Double` as a plain decimal with an exact number of fraction digits.
///
/// XEP-0323 carries precision in the lexical value (`21.40` ≠ `21.4`), so a value with two
/// configured decimals must read `21.40`, and `2.1` must never come out as
/// `2.1000000000000001`. Rounding works on the shortest decimal form that reads back as the
/// same double (Swift's `description`), half away from zero, so `2.675` with two decimals
/// is `2.68` as a person expects, not the `2.67` binary rounding gives.
///
/// Digits are bytes (0–9) and the text is built as UTF-8: every numeric field of every
/// readout passes through here.
public enum DecimalText {
    /// `value` with exactly `decimals` fraction digits, or in its shortest plain form (no
    /// exponent, no trailing `.0`) when `decimals` is nil. Non-finite values give nil.
    public static func text(_ value: Double, decimals: Int? = nil) -> String? {
        guard value.isFinite else { return nil }
        var (negative, digits, point) = decompose(value)
        let fractionDigits: Int
        if let decimals {
            fractionDigits = max(0, decimals)
            round(&digits, &point, keeping: point + fractionDigits)
        } else {
            fractionDigits = max(0, digits.count - point)
        }
        if digits.allSatisfy({ $0 == 0 }) { negative = false }
        let digit = { (index: Int) -> UInt8 in
            UInt8(ascii: "0") + (index >= 0 && index < digits.count ? digits[index] : 0)
        }
        var text: [UInt8] = []
        text.reserveCapacity(max(point, 1) + fractionDigits + 2)
        if negative { text.append(UInt8(ascii: "-")) }
        if point <= 0 {
            text.append(UInt8(ascii: "0"))
        } else {
            for index in 0..<point { text.append(digit(index)) }
        }
        if fractionDigits > 0 {
            text.append(UInt8(ascii: "."))
            for index in point..<(point + fractionDigits) { text.append(digit(index)) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The number of fraction digits written in a lexical decimal (`21.40` → 2, `21` → 0);
    /// nil when the text is not a plain decimal (exponent, `INF`, garbage).
    public static func fractionDigits(of text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        var body = Substring(trimmed)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts.allSatisfy(\.isEmpty),
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }) else { return nil }
        return parts.count == 2 ? parts[1].count : 0
    }

    /// Sign, significant digits (0–9) without leading zeros, and how many of them stand
    /// before the decimal point (may be negative or exceed the digit count).
    private static func decompose(_ value: Double) -> (negative: Bool, digits: [UInt8], point: Int) {
        let text = value.description.utf8
        let mantissaEnd = text.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") } ?? text.endIndex
        let exponent = mantissaEnd == text.endIndex
            ? 0 : Int(String(decoding: text[text.index(after: mantissaEnd)...], as: UTF8.self)) ?? 0
        var negative = false
        var digits: [UInt8] = []
        digits.reserveCapacity(text.count)
        var integerDigits = 0
        var seenPoint = false
        for byte in text[..<mantissaEnd] {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte - UInt8(ascii: "0"))
                if !seenPoint { integerDigits += 1 }
            default: break
            }
        }
        var point = integerDigits + exponent
        let leadingZeros = min(digits.prefix { $0 == 0 }.count, digits.count - 1)
        digits.removeFirst(leadingZeros)
        point -= leadingZeros
        while digits.last == 0, digits.count > 1 { digits.removeLast() }
        if digits == [0] { point = 1 }
        return (negative, digits, point)
    }

    /// Rounds `digits` half away from zero so that only the first `keep` remain significant.
    private static func round(_ digits: inout [UInt8], _ point: inout Int, keeping keep: Int) {
        guard keep < digits.count else { return }
        guard keep >= 0 else {
            digits = [0]
            point = 1
            return
        }
        let roundUp = digits[keep] >= 5
        digits.removeSubrange(keep...)
        if roundUp {
            var index = digits.count - 1
            while index >= 0 {
                if digits[index] == 9 {
                    digits[index] = 0
                    index -= 1
                } else {
                    digits[index] += 1
                    break
                }
            }
            if index < 0 {
                digits.insert(1, at: 0)
                point += 1
            }
        }
        if digits.isEmpty { digits = [0]; point = max(point, 1) }
    }
}
