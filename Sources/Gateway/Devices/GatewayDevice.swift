import Drivers

/// A device as the XMPP side sees it, whether it is a sensor on a bus (`DeviceRuntime`) or a
/// device composed in the gateway (a thermostat): something with a model, current values,
/// a health, and parameters that may be set.
public protocol GatewayDevice: Actor {
    /// The configuration's id; also the device's JID resource.
    nonisolated var id: String { get }
    nonisolated var model: DeviceModel { get }
    /// Published values and health changes, in order. One consumer.
    nonisolated var updates: AsyncStream<DeviceUpdate> { get }

    func snapshot(at now: ContinuousClock.Instant) -> DeviceSnapshot
    /// Checks `value` against the model's parameter and drives it; throws `ControlRefusal`.
    func set(_ parameter: String, to value: FieldValue) async throws(ControlRefusal)
}
