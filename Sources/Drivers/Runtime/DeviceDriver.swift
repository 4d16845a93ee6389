/// One installed device in motion: its model's driver bound to the bus it sits on.
///
/// The gateway owns one per configured device. Polled devices are sampled by the gateway's
/// schedule through `sample()`; devices that speak on their own (a streaming UART sensor,
/// a GPIO input's edges) also deliver through `events`. A refused frame or a bus error is
/// reported as such, never as a value.
public protocol DeviceDriver: Sendable {
    var model: DeviceModel { get }

    /// What the device says on its own, in order: readings, faults, and its disappearance.
    /// One consumer; ends after `stop()`.
    var events: AsyncStream<DriverEvent> { get }

    /// Takes one reading now and returns the model fields it yielded (a streaming device
    /// returns its next complete frame). Throws `DeviceDriverError`.
    func sample() async throws(DeviceDriverError) -> [FieldReading]

    /// Drives a writable model parameter to `value`. The caller has already checked the
    /// value against the model's type, range and choices; the driver maps it to the bus.
    func write(_ value: FieldValue, to parameter: String) async throws(DeviceDriverError)

    /// Releases the bus; outputs go to their safe state. Stopping twice does nothing.
    func stop() async
}

/// What a device reported without being asked.
public enum DriverEvent: Sendable, Hashable {
    /// Values decoded from one frame, line or edge, measured at `time`.
    case readings([FieldReading], time: ContinuousClock.Instant)
    /// A frame or transaction that failed; the device is still there.
    case fault(DeviceDriverError)
    /// The device vanished (USB adapter unplugged, sysfs directory gone).
    case gone(reason: String)
    /// Something the owner should know that does not spoil the readings, such as a setting
    /// the device could not be brought to; logged as a warning.
    case notice(String)
}
