/// What udev makes of a string a device reports (a USB manufacturer, product or serial
/// number) before putting it into a link name such as `/dev/serial/by-id/…`: its
/// `replace_whitespace` and then its `replace_chars`, as the `usb_id` builtin applies them.
enum UdevNameText {
    /// The first `limit` bytes of `raw` (udev's buffer), without leading and trailing
    /// whitespace, each inner run of whitespace one `_`, and every byte that is no letter,
    /// digit, one of `#+-.:=@_`, part of a `\x` escape or of a valid multi-byte UTF-8
    /// character replaced by `_`.
    static func sanitized(_ raw: [UInt8], limit: Int) -> [UInt8] {
        var text = collapsingWhitespace(Array(raw.prefix { $0 != 0 }.prefix(limit)))
        var index = 0
        while index < text.count {
            let byte = text[index]
            if isAllowed(byte) {
                index += 1
            } else if byte == UInt8(ascii: "\\"), index + 1 < text.count, text[index + 1] == UInt8(ascii: "x") {
                index += 2
            } else if let length = validMultibyteCharacterLength(text, at: index) {
                index += length
            } else {
                text[index] = UInt8(ascii: "_")
                index += 1
            }
        }
        return text
    }

    /// Leading spaces, tabs and line ends go; every later run of C whitespace becomes one `_`
    /// if something follows it, so trailing whitespace goes too. (udev skips only those four
    /// at the start, so a leading vertical tab or form feed still becomes `_`.)
    private static func collapsingWhitespace(_ text: [UInt8]) -> [UInt8] {
        let leading: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        var result: [UInt8] = []
        var pendingSpace = false
        for byte in text.drop(while: leading.contains) {
            if isSpace(byte) {
                pendingSpace = true
                continue
            }
            if pendingSpace {
                result.append(UInt8(ascii: "_"))
                pendingSpace = false
            }
            result.append(byte)
        }
        return result
    }

    /// C's `isspace` in the C locale.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            true
        default:
            "#+-.:=@_".utf8.contains(byte)
        }
    }

    /// The length of the UTF-8 character of two to four bytes starting at `index`, when it
    /// is well formed and a Unicode character (no surrogate, no noncharacter such as
    /// U+FFFE); `nil` otherwise, and for ASCII.
    private static func validMultibyteCharacterLength(_ text: [UInt8], at index: Int) -> Int? {
        let lead = text[index]
        let length = switch lead {
        case 0xC0...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF7: 4
        default: 0
        }
        guard length > 0, index + length <= text.count,
              let character = String(validating: text[index..<index + length], as: UTF8.self),
              let scalar = character.unicodeScalars.first
        else { return nil }
        let value = scalar.value
        let isNoncharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
        return isNoncharacter ? nil : length
    }
}
