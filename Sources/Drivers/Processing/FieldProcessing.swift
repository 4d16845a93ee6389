/// How one field's raw values become published values: the range outside which a value is
/// refused, calibration and filters in order, and how long a value stays current.
///
/// A model file gives each field its defaults; the gateway configuration of a device may give
/// its own, with the same `declarations`.
public struct FieldProcessing: Sendable, Hashable {
    /// Raw values outside this are refused before calibration (the sensor cannot measure them).
    public var validRange: ClosedRange<Double>?
    public var filters: [FieldFilterSpec]
    /// After this long without a valid sample the field is stale; `nil`: never.
    public var expireAfter: Duration?

    public init(validRange: ClosedRange<Double>? = nil, filters: [FieldFilterSpec] = [], expireAfter: Duration? = nil) {
        self.validRange = validRange
        self.filters = filters
        self.expireAfter = expireAfter
    }

    /// The processing keys of a field mapping.
    public static let declarations: [SettingDeclaration] = [
        SettingDeclaration(
            "expire_after", .duration, range: 0.001...31_536_000,
            doc: "After this long without a valid reading the field is reported stale."
        ),
        SettingDeclaration(
            "filters", .list(.variant(FieldFilterSpec.declarations)),
            doc: "Calibration and filters, applied in the order listed."
        ),
    ]

    /// The processing a decoded field mapping describes, with `validRange` from its model.
    public init(record: SettingsRecord, validRange: ClosedRange<Double>?, errors: inout [CatalogError]) {
        var filters: [FieldFilterSpec] = []
        for entry in record.list("filters") ?? [] {
            if let spec = FieldFilterSpec(entry, errors: &errors) {
                filters.append(spec)
            }
        }
        self.init(validRange: validRange, filters: filters, expireAfter: record.duration("expire_after"))
    }

    /// A processor with empty filter state.
    public func makeProcessor() -> FieldProcessor {
        FieldProcessor(processing: self)
    }
}
