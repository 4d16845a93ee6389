/// SASLprep (RFC 4013), the stringprep profile SCRAM applies to user names and passwords
/// before hashing, so that visually equal strings typed differently still match.
///
/// What is done, in RFC 3454's order:
/// - mapping: "commonly mapped to nothing" characters (table B.1) are removed, then
///   non-ASCII spaces (C.1.2) become U+0020;
/// - normalization: Unicode NFKC;
/// - prohibited output (C.1.2, C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8, C.9) is refused.
///
/// What is not done, and why that is acceptable here:
/// - the bidirectional-text rule (RFC 3454 §6) needs each character's bidi class, which
///   Swift's standard library does not expose. Passwords mixing right-to-left and
///   left-to-right text are passed through instead of being refused;
/// - unassigned code points (table A.1) are allowed: strings are treated as queries
///   (RFC 3454 §7), as RFC 5802 does for the user name. The server prepared the stored
///   side when the password was set; refusing here could only lock the user out;
/// - NFKC comes from utf8proc, which follows a current Unicode version, not stringprep's
///   Unicode 3.2. Normalization stability makes the two agree on every character Unicode
///   3.2 assigned; newer characters are the "unassigned" ones above.
///
/// Printable ASCII — the usual password of a gateway's config file — maps to itself, and
/// takes a fast path that never normalises.
public enum SASLPrep {
    public static func prepare(_ string: String) throws(SASLPrepError) -> String {
        if string.utf8.allSatisfy({ (0x20 ... 0x7E).contains($0) }) {
            return string
        }
        var mapped = String.UnicodeScalarView()
        for scalar in string.unicodeScalars where !mappedToNothing(scalar.value) {
            mapped.append(isNonASCIISpace(scalar.value) ? " " : scalar)
        }
        let normalized = UnicodeNormalization.nfkc(String(mapped))
        for scalar in normalized.unicodeScalars {
            if let table = prohibitingTable(scalar.value) {
                throw .prohibitedCharacter(scalar, table: table)
            }
        }
        return normalized
    }

    /// RFC 3454 table B.1.
    private static func mappedToNothing(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD, 0x034F, 0x1806, 0x180B ... 0x180D, 0x200B ... 0x200D, 0x2060, 0xFE00 ... 0xFE0F, 0xFEFF:
            true
        default:
            false
        }
    }

    /// RFC 3454 table C.1.2.
    private static func isNonASCIISpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x00A0, 0x1680, 0x2000 ... 0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// The RFC 3454 table that prohibits `value` in SASLprep output, if any.
    private static func prohibitingTable(_ value: UInt32) -> SASLPrepError.Table? {
        if isNonASCIISpace(value) { return .nonASCIISpace }
        switch value {
        case 0x0000 ... 0x001F, 0x007F:
            return .asciiControl
        case 0x0080 ... 0x009F, 0x06DD, 0x070F, 0x180E, 0x200C, 0x200D, 0x2028, 0x2029,
             0x2060 ... 0x2063, 0xFEFF, 0x1D173 ... 0x1D17A:
            return .nonASCIIControl
        case 0xE000 ... 0xF8FF, 0xF0000 ... 0xFFFFD, 0x100000 ... 0x10FFFD:
            return .privateUse
        case 0xFDD0 ... 0xFDEF:
            return .nonCharacter
        case _ where value & 0xFFFE == 0xFFFE:
            // U+xFFFE and U+xFFFF of every plane.
            return .nonCharacter
        case 0xD800 ... 0xDFFF:
            return .surrogate
        case 0xFFF9 ... 0xFFFD:
            return .inappropriateForPlainText
        case 0x2FF0 ... 0x2FFB:
            return .inappropriateForCanonicalRepresentation
        case 0x0340, 0x0341, 0x200E, 0x200F, 0x202A ... 0x202E, 0x206A ... 0x206F:
            return .changesDisplayProperties
        case 0xE0001, 0xE0020 ... 0xE007F:
            return .tagging
        default:
            return nil
        }
    }
}
