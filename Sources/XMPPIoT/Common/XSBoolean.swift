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
