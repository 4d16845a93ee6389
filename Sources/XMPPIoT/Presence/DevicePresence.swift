import XMPPClient

/// The available presence a device session broadcasts: its health, a short status text
/// (`21.4 °C · heating`, `sensor fault (I2C timeout)`), a negative priority so chat to the
/// bare JID reaches the hub instead, and the caps element.
public struct DevicePresence: Sendable, Hashable {
    public var health: DeviceHealth
    public var status: String?
    /// -1 for devices, 0 for the hub (brief §0.2).
    public var priority: Int8
    public var capabilities: EntityCapabilities?

    public init(health: DeviceHealth, status: String? = nil, priority: Int8 = -1, capabilities: EntityCapabilities? = nil) {
        self.health = health
        self.status = status
        self.priority = priority
        self.capabilities = capabilities
    }

    public var presence: Presence {
        Presence(show: health.show, status: status, priority: priority, payloads: capabilities.map { [$0.element] } ?? [])
    }
}
