import Drivers
import XMPPClient

/// Who may do what (`access:`), by bare JID: the owner may do everything, controllers may
/// read and set devices (all of them, or the ones listed per device), readers may read.
/// Nobody else gets anything, and subscriptions are approved only for these JIDs.
public struct AccessConfiguration: Sendable, Hashable {
    public var owner: JID
    /// Controllers of every device.
    public var controllers: [JID]
    /// Controllers of the named devices only, by device (or thermostat) id.
    public var deviceControllers: [String: [JID]]
    public var readers: [JID]
    public var controlRateLimit: ControlRateLimit

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration("owner", .string, required: true, doc: "The bare JID that may read, set and administer everything."),
        SettingDeclaration("controllers", .list(.string), doc: "Bare JIDs that may read and set every device."),
        SettingDeclaration(
            "device_controllers", .map(.list(.string)),
            doc: "Per device id, bare JIDs that may read and set that device."
        ),
        SettingDeclaration("readers", .list(.string), doc: "Bare JIDs that may read every device."),
        SettingDeclaration(
            "control_rate_limit", .record(ControlRateLimit.declarations),
            doc: "How many control requests one JID may make: a burst, then one per interval."
        ),
    ]

    init?(record: SettingsRecord, errors: inout [CatalogError]) {
        let owner = JIDSetting.bareJID(record, "owner", errors: &errors)
        controllers = JIDSetting.bareJIDs(record, "controllers", errors: &errors)
        readers = JIDSetting.bareJIDs(record, "readers", errors: &errors)
        var deviceControllers: [String: [JID]] = [:]
        if let perDevice = record.record("device_controllers") {
            for device in perDevice.keys {
                deviceControllers[device] = JIDSetting.bareJIDs(perDevice, device, errors: &errors)
            }
        }
        self.deviceControllers = deviceControllers
        controlRateLimit = ControlRateLimit(record: record.record("control_rate_limit"))
        guard let owner else { return nil }
        self.owner = owner
    }

    public init(
        owner: JID,
        controllers: [JID] = [],
        deviceControllers: [String: [JID]] = [:],
        readers: [JID] = [],
        controlRateLimit: ControlRateLimit = ControlRateLimit()
    ) {
        self.owner = owner
        self.controllers = controllers
        self.deviceControllers = deviceControllers
        self.readers = readers
        self.controlRateLimit = controlRateLimit
    }
}
