import Drivers

/// One installed device (`devices:` entry): its id, which becomes its JID resource, the
/// catalog model it is, where it is attached, how often it is sampled, and what it changes
/// about its model's fields.
public struct DeviceConfiguration: Sendable, Hashable {
    /// A `ResourceName`: the resource of the device's session and its node id.
    public var id: String
    public var model: DeviceModel
    public var attachment: DeviceAttachmentConfiguration
    /// The configured sampling period, else the model's; `nil` for a device that sends on its own.
    public var interval: Duration?
    /// By field name; every name is one of the model's fields.
    public var fieldOverrides: [String: FieldOverride]
    /// Values set on writable parameters when the device starts, by parameter name.
    public var parameterStartValues: [String: FieldValue]
    /// A simulated device: no hardware is opened, values come from the simulators (demo).
    public var isSimulated: Bool
    public var source: SettingsRecord

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration("id", .string, required: true, doc: "The device's id: its JID resource and its name in chat commands."),
        SettingDeclaration("model", .string, required: true, doc: "The catalog model, the file name in Devices/ without .yaml."),
        SettingDeclaration("interval", .duration, range: 0.1...86_400, doc: "Sampling period; by default the model's update_interval."),
        SettingDeclaration(
            "fields", .map(.record(FieldOverride.declarations)),
            doc: "Per field name: calibration, filters, expire_after and publish thresholds of this device."
        ),
        ParameterStartValue.declaration,
        SettingDeclaration("simulate", .bool, default: .bool(false), doc: "Simulate the device instead of opening hardware."),
    ] + DeviceAttachmentConfiguration.declarations

    /// The device a decoded entry describes, checked against its model; `nil` when the id or
    /// the model is missing or unknown (reported, unless the model is in `unavailableModels`:
    /// a catalog file that failed to load, whose own errors say why).
    init?(record: SettingsRecord, catalog: DeviceCatalog, unavailableModels: Set<String>, errors: inout [CatalogError]) {
        guard let id = record.string("id"), let modelID = record.string("model") else { return nil }
        if !ResourceName.isValid(id) {
            errors.append(record.invalid("id", expected: ResourceName.expectation, got: "\"\(id)\""))
        }
        guard let model = catalog.model(id: modelID) else {
            if !unavailableModels.contains(modelID) {
                let known = catalog.models.keys.sorted()
                let hint = modelID.closestMatch(in: known).map { " (did you mean \"\($0)\"?)" } ?? ""
                errors.append(record.invalid("model", expected: "a model of the device catalog", got: "\"\(modelID)\"" + hint))
            }
            return nil
        }
        let simulated = record.bool("simulate") ?? false
        self.id = id
        self.model = model
        isSimulated = simulated
        attachment = DeviceAttachmentConfiguration.checked(record, model: model, simulated: simulated, errors: &errors)
        interval = record.duration("interval") ?? model.updateInterval
        var overrides: [String: FieldOverride] = [:]
        if let fields = record.record("fields") {
            for name in fields.keys {
                guard let overrideRecord = fields.record(name) else { continue }
                guard let field = model.field(named: name) else {
                    let hint = name.closestMatch(in: model.fields.map(\.name)).map { " (did you mean \"\($0)\"?)" } ?? ""
                    errors.append(fields.invalid(
                        name, expected: "a field of model \(model.id) (\(model.fields.map(\.name).joined(separator: ", ")))",
                        got: "\"\(name)\"" + hint
                    ))
                    continue
                }
                let fieldOverride = FieldOverride(record: overrideRecord, errors: &errors)
                if !field.type.isNumber {
                    for key in ["calibration", "filters"] where overrideRecord.isWritten(key) {
                        errors.append(overrideRecord.invalid(
                            key, expected: "\(key) only on numeric and int fields", got: "a \(field.type.rawValue) field"
                        ))
                    }
                    if fieldOverride.publish.changeThreshold != nil, let publish = overrideRecord.record("publish") {
                        errors.append(publish.invalid(
                            "change_threshold", expected: "change_threshold only on numeric and int fields",
                            got: "a \(field.type.rawValue) field"
                        ))
                    }
                }
                overrides[name] = fieldOverride
            }
        }
        fieldOverrides = overrides
        parameterStartValues = record.record("parameters").map { ParameterStartValue.checked($0, model: model, errors: &errors) } ?? [:]
        source = record
    }

    /// How `field` of this device's model is processed here.
    public func processing(of field: DeviceField) -> FieldProcessing {
        fieldOverrides[field.name]?.processing(from: field.processing) ?? field.processing
    }

    /// When `field` is published: `defaults` (from `publishing`) with this device's overrides.
    public func publishPolicy(of field: String, defaults: PublishPolicy) -> PublishPolicy {
        fieldOverrides[field].map { defaults.overridden(by: $0.publish) } ?? defaults
    }
}
