import Drivers

/// What one installed device changes about one of its model's fields
/// (`devices[].fields.<name>`): a calibration of its own, other filters, another expiry, or
/// other publishing thresholds. Anything left out keeps the model's (or `publishing`'s) value.
public struct FieldOverride: Sendable, Hashable {
    /// Calibration steps for this sensor, applied before the filters.
    public var calibration: [FieldFilterSpec]
    /// Replaces the model's filters when set.
    public var filters: [FieldFilterSpec]?
    public var expireAfter: Duration?
    public var publish: PublishPolicy
    /// Where it was written, for the checks against the model.
    public var source: SettingsRecord

    /// The filter kinds that count as calibration.
    static let calibrationKinds = ["offset", "calibrate_linear"]

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration(
            "calibration", .list(.variant(FieldFilterSpec.declarations.filter { calibrationKinds.contains($0.key) })),
            doc: "This sensor's calibration (offset, calibrate_linear), applied before the model's filters."
        ),
        SettingDeclaration(
            "filters", .list(.variant(FieldFilterSpec.declarations)),
            doc: "Filters that replace the model's, applied in order after the calibration."
        ),
        SettingDeclaration(
            "expire_after", .duration, range: 0.001...31_536_000,
            doc: "After this long without a valid reading the field is reported stale."
        ),
        SettingDeclaration("publish", .record(PublishPolicy.declarations), doc: "Publishing thresholds for this field."),
    ]

    init(record: SettingsRecord, errors: inout [CatalogError]) {
        calibration = (record.list("calibration") ?? []).compactMap { FieldFilterSpec($0, errors: &errors) }
        filters = record.list("filters").map { entries in entries.compactMap { FieldFilterSpec($0, errors: &errors) } }
        expireAfter = record.duration("expire_after")
        publish = PublishPolicy(record: record.record("publish"))
        source = record
    }

    /// The field's processing on this device: the model's, with this calibration first and
    /// these filters and expiry where given.
    public func processing(from model: FieldProcessing) -> FieldProcessing {
        FieldProcessing(
            validRange: model.validRange,
            filters: calibration + (filters ?? model.filters),
            expireAfter: expireAfter ?? model.expireAfter
        )
    }
}
