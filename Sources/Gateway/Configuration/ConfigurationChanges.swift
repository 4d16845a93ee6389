/// What a reload (SIGHUP) changes, so that only what changed is restarted: a device whose
/// settings are the same keeps its session, whatever moved around it in the file.
///
/// Settings are compared, not where they were written: adding a comment line above a device
/// changes the line numbers of everything below it and nothing else.
public struct ConfigurationChanges: Sendable, Hashable {
    /// Device ids, each list in the order of the configuration it comes from.
    public var addedDevices: [String]
    public var removedDevices: [String]
    /// Devices whose model, attachment, interval, overrides or start values changed.
    public var changedDevices: [String]
    public var addedThermostats: [String]
    public var removedThermostats: [String]
    public var changedThermostats: [String]
    /// The account or its connection settings changed: every session has to log in again.
    /// (A password file is compared by its path; a new password in the same file is not seen.)
    public var accountChanged: Bool
    /// Access roles or the rate limit changed: the policy is swapped, no session restarts.
    public var accessChanged: Bool
    public var publishingChanged: Bool
    public var loggingChanged: Bool

    public init(from old: GatewayConfiguration, to new: GatewayConfiguration) {
        let oldDevices = Dictionary(old.devices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.devices.map(\.id))
        addedDevices = new.devices.map(\.id).filter { oldDevices[$0] == nil }
        removedDevices = old.devices.map(\.id).filter { !newIDs.contains($0) }
        changedDevices = new.devices.filter { device in
            oldDevices[device.id].map { !$0.hasSameSettings(as: device) } ?? false
        }.map(\.id)

        let oldThermostats = Dictionary(old.thermostats.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newThermostatIDs = Set(new.thermostats.map(\.id))
        addedThermostats = new.thermostats.map(\.id).filter { oldThermostats[$0] == nil }
        removedThermostats = old.thermostats.map(\.id).filter { !newThermostatIDs.contains($0) }
        changedThermostats = new.thermostats.filter { thermostat in
            oldThermostats[thermostat.id].map { !$0.hasSameSettings(as: thermostat) } ?? false
        }.map(\.id)

        accountChanged = !old.account.hasSameSettings(as: new.account)
        accessChanged = !old.access.hasSameSettings(as: new.access)
        publishingChanged = old.publishing != new.publishing
        loggingChanged = old.logging != new.logging
    }

    /// Whether the reload changes nothing at all.
    public var isEmpty: Bool {
        addedDevices.isEmpty && removedDevices.isEmpty && changedDevices.isEmpty
            && addedThermostats.isEmpty && removedThermostats.isEmpty && changedThermostats.isEmpty
            && !accountChanged && !accessChanged && !publishingChanged && !loggingChanged
    }
}

extension DeviceConfiguration {
    func hasSameSettings(as other: DeviceConfiguration) -> Bool {
        id == other.id && model == other.model && attachment == other.attachment && interval == other.interval
            && isSimulated == other.isSimulated && parameterStartValues == other.parameterStartValues
            && fieldOverrides.keys.sorted() == other.fieldOverrides.keys.sorted()
            && fieldOverrides.allSatisfy { name, fieldOverride in
                other.fieldOverrides[name].map(fieldOverride.hasSameSettings(as:)) ?? false
            }
    }
}

extension FieldOverride {
    func hasSameSettings(as other: FieldOverride) -> Bool {
        calibration == other.calibration && filters == other.filters && expireAfter == other.expireAfter && publish == other.publish
    }
}

extension ThermostatConfiguration {
    func hasSameSettings(as other: ThermostatConfiguration) -> Bool {
        var mine = self
        mine.source = other.source
        return mine == other
    }
}

extension AccountConfiguration {
    func hasSameSettings(as other: AccountConfiguration) -> Bool {
        jid == other.jid && password == other.password && endpoint == other.endpoint && directTLS == other.directTLS
            && caFile == other.caFile && spkiPin == other.spkiPin && allowPLAIN == other.allowPLAIN
    }
}

extension AccessConfiguration {
    func hasSameSettings(as other: AccessConfiguration) -> Bool {
        owner == other.owner && Set(controllers) == Set(other.controllers) && Set(readers) == Set(other.readers)
            && deviceControllers.mapValues(Set.init) == other.deviceControllers.mapValues(Set.init)
            && controlRateLimit == other.controlRateLimit
    }
}
