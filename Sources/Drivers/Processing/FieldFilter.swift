/// One step of a field's processing: calibration or a filter, a small state machine fed one
/// sample at a time.
///
/// `accept` returns the sample to pass on (possibly changed) or `nil` to hold it back. Filters
/// that act as time passes (the heartbeat) also answer `tick`; the others keep the defaults.
public protocol FieldFilter: Sendable {
    mutating func accept(_ sample: FieldSample) -> FieldSample?
    /// A sample to send on now that `time` has come although no new sample arrived.
    mutating func tick(at time: ContinuousClock.Instant) -> FieldSample?
    /// When `tick` will next have something to send; `nil` when it never will on its own.
    var nextDeadline: ContinuousClock.Instant? { get }
}

extension FieldFilter {
    public mutating func tick(at time: ContinuousClock.Instant) -> FieldSample? {
        nil
    }

    public var nextDeadline: ContinuousClock.Instant? {
        nil
    }
}
