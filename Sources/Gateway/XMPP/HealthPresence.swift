import Drivers
import XMPPClient
import XMPPIoT

/// A device's health as presence: available with a short reading while it reads well,
/// `away` while it starts or its values are stale, `xa` when reads fail, unavailable when
/// it is gone — each with the reason as status text.
enum HealthPresence {
    static func presence(health: DeviceHealth, snapshot: DeviceSnapshot, caps: EntityCapabilities?) -> Presence {
        let (shown, status): (XMPPIoT.DeviceHealth, String?)
        switch health {
        case .starting: (shown, status) = (.degraded, "starting")
        case .reading: (shown, status) = (.ok, summary(snapshot))
        case let .stale(reason): (shown, status) = (.degraded, "stale: \(reason)")
        case let .failing(reason): (shown, status) = (.absent, "failing: \(reason)")
        case let .gone(reason):
            return Presence(kind: .unavailable, status: "gone: \(reason)", payloads: caps.map { [$0.element] } ?? [])
        }
        return DevicePresence(health: shown, status: status, capabilities: caps).presence
    }

    /// `21.4 °C · 48 %RH · heating`: the first few current values.
    static func summary(_ snapshot: DeviceSnapshot) -> String? {
        let values = snapshot.fields.prefix(4).compactMap { IoTValueConversion.sensorField($0, writable: false)?.value.humanText }
        return values.isEmpty ? nil : values.joined(separator: " · ")
    }

    /// The hub's summary of the whole gateway: `3/4 devices reading`, and who is not.
    static func hub(healths: [(id: String, health: DeviceHealth)], caps: EntityCapabilities?) -> Presence {
        let reading = healths.filter { $0.health == .reading }.count
        let troubled = healths.filter { $0.health.problem != nil }.map(\.id)
        var status = "\(reading)/\(healths.count) devices reading"
        if !troubled.isEmpty { status += " · trouble: " + troubled.joined(separator: ", ") }
        return DevicePresence(health: troubled.isEmpty ? .ok : .degraded, status: status, priority: 0, capabilities: caps).presence
    }
}
