/// A control parameter of a device model: a setting a user may read and, when `writable`, set
/// through XEP-0325, a chat command or an ad-hoc command — with the range or choices a value
/// is checked against before it reaches the hardware.
public struct DeviceParameter: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var unit: String?
    /// Values outside are refused with an error naming the limit.
    public var range: ClosedRange<Double>?
    public var choices: [String]
    public var isWritable: Bool
    public var description: String?
    public var source: SettingsRecord

    public init(
        name: String,
        type: FieldType,
        unit: String? = nil,
        range: ClosedRange<Double>? = nil,
        choices: [String] = [],
        isWritable: Bool = false,
        description: String? = nil,
        source: SettingsRecord = SettingsRecord(location: SourceLocation(file: "", line: 0, column: 0), path: .root)
    ) {
        self.name = name
        self.type = type
        self.unit = unit
        self.range = range
        self.choices = choices
        self.isWritable = isWritable
        self.description = description
        self.source = source
    }

    /// The keys of one entry of `parameters`.
    public static let declarations: [SettingDeclaration] = [
        SettingDeclaration("name", .string, required: true, doc: "The parameter's name."),
        SettingDeclaration("type", .choice(FieldType.allCases.map(\.rawValue)), required: true, doc: "The value's type."),
        SettingDeclaration("unit", .string, doc: "The unit symbol."),
        SettingDeclaration("range", .interval, doc: "[low, high]: values a set may give."),
        SettingDeclaration("choices", .list(.string), doc: "The words an enum parameter may take."),
        SettingDeclaration("writable", .bool, default: .bool(false), doc: "Whether users may set it."),
        SettingDeclaration("description", .string, doc: "A sentence for people."),
    ]

    init?(record: SettingsRecord, errors: inout [CatalogError]) {
        guard let name = record.string("name"),
            let type = record.string("type").flatMap(FieldType.init(rawValue:))
        else { return nil }
        let choices = record.strings("choices")
        DeviceField.checkTypeKeys(record, type: type, choices: choices, errors: &errors)
        self.init(
            name: name,
            type: type,
            unit: record.string("unit"),
            range: record.interval("range"),
            choices: choices,
            isWritable: record.bool("writable") ?? false,
            description: record.string("description"),
            source: record
        )
    }
}
