/// Whether a field has a value to show, and whether it is still current: a reading older than
/// the field's `expire_after` is shown as stale, never as live (pain point 1 in the research).
public enum FieldFreshness: Sendable, Hashable {
    /// No valid sample yet.
    case missing
    case current(FieldSample)
    /// The last published value, and how long ago the last valid sample arrived.
    case stale(FieldSample, age: Duration)
}
