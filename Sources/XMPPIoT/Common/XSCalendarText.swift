/// Checks for the lexical forms of xs:date (`2025-03-01`) and xs:time (`08:00:00`,
/// optionally with a fraction and a zone).
enum XSCalendarText {
    static func isDate(_ text: String) -> Bool {
        XSDateTime(lexical: text.trimmingWhitespace() + "T00:00:00") != nil
    }

    static func isTime(_ text: String) -> Bool {
        XSDateTime(lexical: "2000-01-01T" + text.trimmingWhitespace()) != nil
    }
}
