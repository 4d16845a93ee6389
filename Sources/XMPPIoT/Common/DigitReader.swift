/// Reads fixed-width decimal fields off a lexical date or time.
struct DigitReader {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var atEnd: Bool { index == scalars.count }
    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard peek == scalar else { return false }
        index += 1
        return true
    }

    mutating func number(_ width: Int) -> Int? {
        guard index + width <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[index..<index + width] {
            guard ("0"..."9").contains(scalar) else { return nil }
            value = value * 10 + Int(scalar.value - 48)
        }
        index += width
        return value
    }

    mutating func digitText() -> String? {
        let start = index
        while let scalar = peek, ("0"..."9").contains(scalar) { index += 1 }
        guard index > start else { return nil }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    mutating func digits(minimum: Int) -> Int? {
        guard let text = digitText(), text.count >= minimum, text.count <= 9 else { return nil }
        return Int(text)
    }
}
