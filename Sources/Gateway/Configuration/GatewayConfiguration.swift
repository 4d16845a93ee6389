import Drivers

/// The gateway's whole configuration, from one YAML file (`/etc/xmpp-iot-gateway/gateway.yaml`
/// by default): the account, who may do what, the devices and thermostats, publishing,
/// history, the state directory and logging.
///
/// Loading checks everything that can be checked without hardware or network — types,
/// ranges, unknown keys, JIDs, ids, models and their fields, attachments, thermostat
/// references — and throws every problem at once, each with file, line and key.
public struct GatewayConfiguration: Sendable {
    public var account: AccountConfiguration
    public var access: AccessConfiguration
    /// In the order written; ids are unique.
    public var devices: [DeviceConfiguration]
    public var thermostats: [ThermostatConfiguration]
    public var publishing: PublishingConfiguration
    public var history: HistoryConfiguration
    public var stateDirectory: String
    public var logging: LoggingConfiguration
    /// The file as named in errors.
    public var file: String

    public static let defaultPath = "/etc/xmpp-iot-gateway/gateway.yaml"
    public static let defaultStateDirectory = "/var/lib/xmpp-iot-gateway"
    /// Where an installed gateway finds its device catalog.
    public static let defaultCatalogDirectory = "/usr/local/share/xmpp-iot-gateway/Devices"

    public func device(id: String) -> DeviceConfiguration? {
        devices.first { $0.id == id }
    }

    public func thermostat(id: String) -> ThermostatConfiguration? {
        thermostats.first { $0.id == id }
    }

    /// The top-level keys.
    public static let declarations: [SettingDeclaration] = [
        SettingDeclaration("account", .record(AccountConfiguration.declarations), required: true, doc: "The XMPP account."),
        SettingDeclaration("access", .record(AccessConfiguration.declarations), required: true, doc: "Who may read and control."),
        SettingDeclaration("devices", .list(.record(DeviceConfiguration.declarations)), doc: "The installed devices."),
        SettingDeclaration("thermostats", .list(.record(ThermostatConfiguration.declarations)), doc: "Thermostats built from devices."),
        SettingDeclaration("publishing", .record(PublishingConfiguration.declarations), doc: "Where readings are published."),
        SettingDeclaration("history", .record(HistoryConfiguration.declarations), doc: "The local history of readings."),
        SettingDeclaration(
            "state_directory", .string, default: .string(defaultStateDirectory),
            doc: "Where the gateway keeps its state (history, thermostat setpoints)."
        ),
        SettingDeclaration("logging", .record(LoggingConfiguration.declarations), doc: "Log levels."),
    ]
}
