/// How a configuration names an I2C bus: `1`, `i2c-1` or `/dev/i2c-1` are bus 1; anything
/// else is an adapter name (`bcm2835 (i2c@7e804000)`), which survives bus renumbering.
public enum I2CBusName {
    /// The bus number the name gives, or `nil` for an adapter name.
    public static func number(_ name: String) -> Int? {
        var text = Substring(name)
        if text.hasPrefix("/dev/") { text = text.dropFirst(5) }
        if text.hasPrefix("i2c-") { text = text.dropFirst(4) }
        return Int(text).flatMap { $0 >= 0 ? $0 : nil }
    }
}
