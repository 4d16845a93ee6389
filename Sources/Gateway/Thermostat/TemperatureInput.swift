/// What a thermostat hears from its temperature input.
public enum TemperatureInput<Instant: InstantProtocol>: Sendable, Hashable {
    /// °C, measured at the instant given (not when it arrived).
    case reading(Double, at: Instant)
    /// The input says its value is out of date (the field's `expire_after` passed).
    case stale(reason: String)
    /// The input failed (bus error, device gone, refused frames).
    case failed(reason: String)
}
