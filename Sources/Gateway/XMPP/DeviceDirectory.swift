import Drivers
import Synchronization
import XMPPIoT

/// Every running device of the gateway by id, in configuration order, with the request
/// handling of its session: what the hub, the chat commands and the ad-hoc commands look
/// devices up in. A reload changes it while everything runs.
public final class DeviceDirectory: Sendable {
    private struct Entry {
        var device: any GatewayDevice
        var requests: DeviceRequests?
    }

    private let entries: Mutex<[Entry]>

    public init(_ devices: [any GatewayDevice] = []) {
        entries = Mutex(devices.map { Entry(device: $0, requests: nil) })
    }

    public var devices: [any GatewayDevice] {
        entries.withLock { $0.map(\.device) }
    }

    public func device(id: String) -> (any GatewayDevice)? {
        entries.withLock { $0.first { $0.device.id == id }?.device }
    }

    func requests(id: String) -> DeviceRequests? {
        entries.withLock { $0.first { $0.device.id == id }?.requests }
    }

    /// Adds the device, or replaces the one with its id, keeping its place.
    func set(_ device: any GatewayDevice, requests: DeviceRequests?) {
        entries.withLock { entries in
            let entry = Entry(device: device, requests: requests)
            if let index = entries.firstIndex(where: { $0.device.id == device.id }) {
                entries[index] = entry
            } else {
                entries.append(entry)
            }
        }
    }

    func remove(id: String) {
        entries.withLock { $0.removeAll { $0.device.id == id } }
    }

    /// The devices as people name them in chat, with current parameter values.
    func vocabulary(at now: ContinuousClock.Instant) async -> ChatVocabulary {
        var chatDevices: [ChatDevice] = []
        for device in devices {
            let snapshot = await device.snapshot(at: now)
            chatDevices.append(Self.chatDevice(device, snapshot: snapshot))
        }
        return ChatVocabulary(devices: chatDevices)
    }

    /// A bare value sets the device's only writable parameter, or its `setpoint`; the words
    /// of its writable enums and, for a single switch, `on`/`off` are shortcuts.
    static func chatDevice(_ device: any GatewayDevice, snapshot: DeviceSnapshot) -> ChatDevice {
        let model = device.model
        let writable = model.parameters.filter(\.isWritable)
        let primary = writable.count == 1 ? writable[0].name : writable.first { $0.name == "setpoint" }?.name
        var shortcuts: [ChatShortcut] = []
        for parameter in writable where parameter.type == .enum {
            for choice in parameter.choices where !shortcuts.contains(where: { $0.word == choice.lowercased() }) {
                shortcuts.append(ChatShortcut(word: choice.lowercased(), parameter: parameter.name, value: choice))
            }
        }
        let switches = writable.filter { $0.type == .boolean }
        if switches.count == 1, shortcuts.isEmpty {
            shortcuts = [
                ChatShortcut(word: "on", parameter: switches[0].name, value: "true"),
                ChatShortcut(word: "off", parameter: switches[0].name, value: "false"),
            ]
        }
        return ChatDevice(
            id: device.id, name: model.name, fields: model.fields.map(\.name),
            parameters: IoTValueConversion.controlParameters(of: model, snapshot: snapshot).filter(\.writable),
            primaryParameter: primary, shortcuts: shortcuts)
    }
}
