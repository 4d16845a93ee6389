/// A string SASLprep refuses: it contains a character stringprep prohibits.
public enum SASLPrepError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The RFC 3454 prohibition tables SASLprep applies (RFC 4013 §2.3).
    public enum Table: String, Sendable, Hashable {
        case nonASCIISpace = "C.1.2 non-ASCII space"
        case asciiControl = "C.2.1 ASCII control character"
        case nonASCIIControl = "C.2.2 non-ASCII control character"
        case privateUse = "C.3 private use"
        case nonCharacter = "C.4 non-character code point"
        case surrogate = "C.5 surrogate code point"
        case inappropriateForPlainText = "C.6 inappropriate for plain text"
        case inappropriateForCanonicalRepresentation = "C.7 inappropriate for canonical representation"
        case changesDisplayProperties = "C.8 change display properties or deprecated"
        case tagging = "C.9 tagging character"
    }

    case prohibitedCharacter(Unicode.Scalar, table: Table)

    public var description: String {
        switch self {
        case .prohibitedCharacter(let scalar, let table):
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "contains U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex), prohibited by SASLprep (RFC 3454 table \(table.rawValue))"
        }
    }
}
