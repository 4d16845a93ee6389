/// A device model from the catalog (`Devices/<id>.yaml`): what the device is, how it is
/// attached, the fields it yields, the parameters it accepts, and the driver that serves it
/// with that driver's settings.
///
/// A model says what a kind of device *can* do; a gateway configuration then names one
/// installed device of that model, with its bus path, address and overrides.
public struct DeviceModel: Sendable, Hashable {
    /// The file name without `.yaml`: what a gateway configuration writes as `model:`.
    public var id: String
    public var name: String
    public var vendor: String
    public var description: String?
    public var bus: Bus
    /// The default I2C address or Modbus unit.
    public var address: Int?
    /// Speed and framing, for `serial` and `modbus` devices.
    public var line: SerialLineSettings?
    /// How often to sample unless the configuration says otherwise; `nil` for devices that
    /// send on their own (a streaming serial sensor, a GPIO input).
    public var updateInterval: Duration?
    public var fields: [DeviceField]
    public var parameters: [DeviceParameter]
    public var driver: DriverKind
    /// The `driver` mapping as decoded against the driver's declaration, `kind` included.
    public var driverSettings: SettingsRecord
    public var source: SettingsRecord

    public func field(named name: String) -> DeviceField? {
        fields.first { $0.name == name }
    }

    public func parameter(named name: String) -> DeviceParameter? {
        parameters.first { $0.name == name }
    }

    /// The top-level keys of a model file.
    public static let declarations: [SettingDeclaration] = [
        SettingDeclaration("name", .string, required: true, doc: "The model's name, such as BME280."),
        SettingDeclaration("vendor", .string, required: true, doc: "Who makes it."),
        SettingDeclaration("description", .string, doc: "A sentence for people."),
        SettingDeclaration("bus", .choice(Bus.allCases.map(\.rawValue)), required: true, doc: "How the device is attached."),
        SettingDeclaration("address", .int, range: 0...0xFFFF, doc: "Default I2C address or Modbus unit."),
        SettingDeclaration("line", .record(SerialLineSettings.declarations), doc: "Serial line settings."),
        SettingDeclaration("update_interval", .duration, range: 0.1...86_400, doc: "Default sampling period."),
        SettingDeclaration("fields", .list(.record(DeviceField.declarations)), required: true, doc: "What it yields."),
        SettingDeclaration("parameters", .list(.record(DeviceParameter.declarations)), doc: "What it accepts."),
        SettingDeclaration(
            "driver",
            .tagged(
                tag: "kind",
                variants: Dictionary(uniqueKeysWithValues: DriverKind.allCases.map { ($0.rawValue, $0.schema.settings) })
            ),
            required: true,
            doc: "The driver and its settings."
        ),
    ]

    /// The model a decoded file describes; `nil` when required keys are missing (the decoder
    /// reported those). Checks that need several keys at once are appended to `errors`.
    init?(id: String, record: SettingsRecord, errors: inout [CatalogError]) {
        let fieldRecords = ModelName.checked(record.records("fields"), errors: &errors)
        let parameterRecords = ModelName.checked(record.records("parameters"), errors: &errors)
        let fields = fieldRecords.compactMap { DeviceField(record: $0, errors: &errors) }
        let parameters = parameterRecords.compactMap { DeviceParameter(record: $0, errors: &errors) }
        guard let name = record.string("name"), let vendor = record.string("vendor"),
            let bus = record.string("bus").flatMap(Bus.init(rawValue:)),
            let driverSettings = record.record("driver"),
            let driver = driverSettings.string("kind").flatMap(DriverKind.init(rawValue:))
        else { return nil }
        let address = record.int("address")
        if let address, let range = bus.addressRange, !range.contains(address) {
            errors.append(record.invalid(
                "address", expected: "an address from \(range.lowerBound) to \(range.upperBound) on bus \(bus.rawValue)", got: "\(address)"
            ))
        }
        if address != nil, bus.addressRange == nil {
            errors.append(record.invalid("address", expected: "no address on bus \(bus.rawValue)", got: "\(address ?? 0)"))
        }
        if record.isWritten("line"), !bus.hasLineSettings {
            errors.append(record.invalid("line", expected: "line settings only on serial and modbus buses", got: "bus \(bus.rawValue)"))
        }
        self.id = id
        self.name = name
        self.vendor = vendor
        description = record.string("description")
        self.bus = bus
        self.address = address
        line = bus.hasLineSettings ? SerialLineSettings(record: record.record("line") ?? record) : nil
        updateInterval = record.duration("update_interval")
        self.fields = fields
        self.parameters = parameters
        self.driver = driver
        self.driverSettings = driverSettings
        source = record
    }
}
