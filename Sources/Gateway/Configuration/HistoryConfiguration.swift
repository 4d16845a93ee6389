import Drivers

/// The local history of readings (`history:`): where the database lives and how much of it
/// is kept per device, by age and by count, whichever bound is reached first.
public struct HistoryConfiguration: Sendable, Hashable {
    public var maximumAge: Duration
    public var maximumRowsPerDevice: Int
    /// Absolute; by default `history.sqlite` in the state directory.
    public var databasePath: String

    public static let defaultMaximumAge = Duration.seconds(30 * 86_400)
    public static let defaultMaximumRowsPerDevice = 100_000
    public static let defaultDatabaseName = "history.sqlite"

    public init(maximumAge: Duration = defaultMaximumAge, maximumRowsPerDevice: Int = defaultMaximumRowsPerDevice, databasePath: String) {
        self.maximumAge = maximumAge
        self.maximumRowsPerDevice = maximumRowsPerDevice
        self.databasePath = databasePath
    }

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration(
            "max_age", .duration, default: .duration(defaultMaximumAge), range: 60...315_360_000,
            doc: "Readings older than this are deleted."
        ),
        SettingDeclaration(
            "max_rows_per_device", .int, default: .int(defaultMaximumRowsPerDevice), range: 1...100_000_000,
            doc: "At most this many readings are kept per device, the oldest deleted first."
        ),
        SettingDeclaration(
            "database", .string,
            doc: "The SQLite file; a relative path is inside state_directory. Default: history.sqlite there."
        ),
    ]

    init(record: SettingsRecord?, stateDirectory: String) {
        self.init(
            maximumAge: record?.duration("max_age") ?? Self.defaultMaximumAge,
            maximumRowsPerDevice: record?.int("max_rows_per_device") ?? Self.defaultMaximumRowsPerDevice,
            databasePath: ConfigurationPath.resolve(record?.string("database") ?? Self.defaultDatabaseName, in: stateDirectory)
        )
    }
}
