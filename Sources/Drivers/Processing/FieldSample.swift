/// One numeric value of a field and the moment it was measured, as it moves through
/// calibration and filters.
///
/// The time is an instant of the monotonic clock, given by the caller: processing never reads
/// a clock itself, so tests state every time explicitly and wall-clock jumps (NTP at boot on a
/// Pi without RTC) cannot stall a throttle or fire a heartbeat early.
public struct FieldSample: Sendable, Hashable {
    public var value: Double
    public var time: ContinuousClock.Instant

    public init(value: Double, time: ContinuousClock.Instant) {
        self.value = value
        self.time = time
    }
}
