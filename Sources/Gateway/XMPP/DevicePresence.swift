import Drivers
import XMPPClient
import XMPPIoT

/// A device's health as presence: available with a short reading while it reads well,
/// `away` when its values are stale, `xa` when reads fail, unavailable when it is gone.
enum DevicePresence {
    /// Device sessions never take messages meant for the bare JID; the hub does.
    static let devicePriority: Int8 = -1
    static let hubPriority: Int8 = 0

    static func presence(health: DeviceHealth, snapshot: DeviceSnapshot, caps: EntityCapabilities?) -> Presence {
        let payloads = caps.map { [$0.element] } ?? []
        switch health {
        case .starting:
            return Presence(show: .away, status: "starting", priority: devicePriority, payloads: payloads)
        case .reading:
            return Presence(status: summary(snapshot), priority: devicePriority, payloads: payloads)
        case let .stale(reason):
            return Presence(show: .away, status: "stale: \(reason)", priority: devicePriority, payloads: payloads)
        case let .failing(reason):
            return Presence(show: .xa, status: "failing: \(reason)", priority: devicePriority, payloads: payloads)
        case let .gone(reason):
            return Presence(kind: .unavailable, status: "gone: \(reason)", payloads: payloads)
        }
    }

    /// `21.4 °C · 48 %RH · heating`: the first few current values.
    static func summary(_ snapshot: DeviceSnapshot) -> String? {
        let values = snapshot.fields.prefix(4).compactMap { IoTValueConversion.sensorField($0, writable: false)?.value.humanText }
        return values.isEmpty ? nil : values.joined(separator: " · ")
    }

    /// The hub's summary of the whole gateway: `3/4 devices reading`, and who is not.
    static func hubPresence(healths: [(id: String, health: DeviceHealth)], caps: EntityCapabilities?) -> Presence {
        let reading = healths.filter { $0.health == .reading }.count
        let troubled = healths.filter { $0.health.problem != nil }.map(\.id)
        var status = "\(reading)/\(healths.count) devices reading"
        if !troubled.isEmpty { status += " · trouble: " + troubled.joined(separator: ", ") }
        return Presence(show: troubled.isEmpty ? nil : .away, status: status, priority: hubPriority,
                        payloads: caps.map { [$0.element] } ?? [])
    }
}
