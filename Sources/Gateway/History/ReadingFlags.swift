/// What a stored reading says about its own quality, kept with it so that a historical
/// readout reports a stale or failed value as such rather than as a plain number.
public struct ReadingFlags: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The value was the last known one, older than the field's `expire_after`.
    public static let stale = ReadingFlags(rawValue: 1 << 0)
    /// The reading failed; there may be no value.
    public static let failure = ReadingFlags(rawValue: 1 << 1)
}
