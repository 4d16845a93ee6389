/// Escaping of character data and attribute values so that a parser reads back exactly the
/// same characters.
enum XMLEscaping {
    static func appendText(_ text: String, to output: inout String) {
        append(text, to: &output, escapingQuotes: false)
    }

    static func appendAttributeValue(_ value: String, to output: inout String) {
        append(value, to: &output, escapingQuotes: true)
    }

    private static func append(_ text: String, to output: inout String, escapingQuotes: Bool) {
        if !text.utf8.contains(where: { needsEscape($0, escapingQuotes) }) {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            // `>` only matters in `]]>`, but escaping every one is simpler and still valid.
            case ">": output += "&gt;"
            // Parsers turn a literal CR into LF, and in attributes CR, LF and tab into spaces.
            case "\r": output += "&#13;"
            case "\n" where escapingQuotes: output += "&#10;"
            case "\t" where escapingQuotes: output += "&#9;"
            case "'" where escapingQuotes: output += "&apos;"
            case "\"" where escapingQuotes: output += "&quot;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }

    /// Bytes that may start something to escape; 0xEF begins U+FFFE and U+FFFF in UTF-8.
    private static func needsEscape(_ byte: UInt8, _ escapingQuotes: Bool) -> Bool {
        switch byte {
        case 0x26, 0x3C, 0x3E, 0xEF: true
        case 0x27, 0x22: escapingQuotes
        case 0x09, 0x0A: escapingQuotes
        case ..<0x20: true
        default: false
        }
    }
}
