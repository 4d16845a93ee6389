extension Duration {
    /// The units a duration setting may carry, longest suffix first so that `ms` is not read as
    /// `s` after a number.
    private static let settingUnits: [(suffix: String, seconds: Double)] = [
        ("min", 60), ("ms", 0.001), ("us", 0.000_001), ("s", 1), ("h", 3600), ("d", 86_400),
    ]

    /// A duration as settings write it: a non-negative number and a unit, `500ms`, `30s`,
    /// `1.5min`, `2h`, `1d`, optionally with a space before the unit. A bare number is refused:
    /// ESPHome reads some bare numbers as milliseconds and others as seconds, and a relay held
    /// on 1000 times longer than meant is worth one more character.
    init?(settingText text: String) {
        let trimmed = text.trimmed
        guard let unit = Self.settingUnits.first(where: { trimmed.hasSuffix($0.suffix) }) else { return nil }
        let number = trimmed.dropLast(unit.suffix.count).trimmed
        guard !number.hasPrefix("-"), let value = Double(decimalText: number) else { return nil }
        let seconds = value * unit.seconds
        // Beyond a century is a typing slip, and would overflow the attosecond arithmetic.
        guard seconds <= 3_153_600_000 else { return nil }
        let wholeSeconds = seconds.rounded(.down)
        self = .seconds(Int64(wholeSeconds)) + .nanoseconds(Int64(((seconds - wholeSeconds) * 1e9).rounded()))
    }

    /// The duration in seconds, for range checks and arithmetic with `Double`s.
    var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// The shortest setting text for the duration (`30s`, `5min`, `250ms`), for messages.
    public var settingText: String {
        let seconds = secondsValue
        guard seconds > 0 else { return "0s" }
        let units: [(String, Double)] = [("d", 86_400), ("h", 3600), ("min", 60), ("s", 1), ("ms", 0.001)]
        for (suffix, size) in units where seconds >= size && (seconds / size).rounded() == seconds / size {
            return "\(Int(seconds / size))\(suffix)"
        }
        return "\(Int((seconds * 1_000_000).rounded()))us"
    }
}
