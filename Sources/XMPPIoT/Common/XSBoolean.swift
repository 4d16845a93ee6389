/// xs:boolean as the IoT XEPs use it: read `true|false|1|0`, always write `true`/`false`
/// (slixmpp compares the attribute with the string `"true"`).
enum XSBoolean {
    static func parse(_ text: String) -> Bool? {
        switch text.trimmingWhitespace() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    static func text(_ value: Bool) -> String { value ? "true" : "false" }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (XML whitespace).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
