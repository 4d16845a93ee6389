/// One value a device model yields: its name, type, unit, published precision, the range a
/// valid value lies in, and its default processing (calibration, filters, `expire_after`).
public struct DeviceField: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    /// The XEP-0323 `unit` attribute (`°C`, `kWh`); `nil` for unitless fields.
    public var unit: String?
    /// Decimals published (XEP-0323 `nrDecimals`); `nil`: as measured.
    public var precision: Int?
    /// The words an `enum` field may take.
    public var choices: [String]
    public var description: String?
    public var processing: FieldProcessing
    /// Where the field was written, for checks against the driver.
    public var source: SettingsRecord

    /// The range a valid value lies in (from `range`); values outside are refused.
    public var validRange: ClosedRange<Double>? {
        processing.validRange
    }

    public init(
        name: String,
        type: FieldType = .numeric,
        unit: String? = nil,
        precision: Int? = nil,
        choices: [String] = [],
        description: String? = nil,
        processing: FieldProcessing = FieldProcessing(),
        source: SettingsRecord = SettingsRecord(location: SourceLocation(file: "", line: 0, column: 0), path: .root)
    ) {
        self.name = name
        self.type = type
        self.unit = unit
        self.precision = precision
        self.choices = choices
        self.description = description
        self.processing = processing
        self.source = source
    }

    /// The keys of one entry of `fields`.
    public static let declarations: [SettingDeclaration] = [
        SettingDeclaration("name", .string, required: true, doc: "The field's name, as published."),
        SettingDeclaration(
            "type", .choice(FieldType.allCases.map(\.rawValue)), default: .string("numeric"), doc: "The value's type."
        ),
        SettingDeclaration("unit", .string, doc: "The unit symbol published with the value."),
        SettingDeclaration("precision", .int, range: 0...9, doc: "Decimals published."),
        SettingDeclaration("range", .interval, doc: "[low, high]: values outside are refused as invalid."),
        SettingDeclaration("choices", .list(.string), doc: "The words an enum field may take."),
        SettingDeclaration("description", .string, doc: "A sentence for people."),
    ] + FieldProcessing.declarations

    /// The field a decoded `fields` entry describes; `nil` when a required key is missing
    /// (already reported by the decoder). Keys that do not fit the type are reported.
    init?(record: SettingsRecord, errors: inout [CatalogError]) {
        guard let name = record.string("name"),
            let type = record.string("type").flatMap(FieldType.init(rawValue:))
        else { return nil }
        let choices = record.strings("choices")
        Self.checkTypeKeys(record, type: type, choices: choices, errors: &errors)
        self.init(
            name: name,
            type: type,
            unit: record.string("unit"),
            precision: record.int("precision"),
            choices: choices,
            description: record.string("description"),
            processing: FieldProcessing(record: record, validRange: record.interval("range"), errors: &errors),
            source: record
        )
    }

    /// Choices only for enums, and there required; range, precision and filters only for numbers.
    static func checkTypeKeys(_ record: SettingsRecord, type: FieldType, choices: [String], errors: inout [CatalogError]) {
        if type == .enum, choices.isEmpty {
            errors.append(record.invalid("choices", expected: "at least one choice for an enum", got: "none"))
        }
        if type != .enum, record.isWritten("choices") {
            errors.append(record.invalid("choices", expected: "no choices for a \(type.rawValue)", got: "\(choices.count)"))
        }
        for key in ["range", "precision", "filters"] where !type.isNumber && record.isWritten(key) {
            errors.append(record.invalid(key, expected: "\(key) only on numeric and int fields", got: "a \(type.rawValue) field"))
        }
        if type == .int, record.isWritten("precision") {
            errors.append(record.invalid("precision", expected: "no precision on an int field", got: "\(record.int("precision") ?? 0)"))
        }
    }
}
