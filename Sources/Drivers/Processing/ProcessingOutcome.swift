/// What became of one raw value given to a `FieldProcessor`.
public enum ProcessingOutcome: Sendable, Hashable {
    /// Calibrated and through every filter: publish this.
    case published(FieldSample)
    /// Valid, but a filter held it back (not enough change, throttled, not the n-th sample).
    case held
    case refused(SampleRefusal)
}
