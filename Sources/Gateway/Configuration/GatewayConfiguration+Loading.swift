import Drivers
import Hardware

extension GatewayConfiguration {
    /// Loads and checks the configuration file at `path` against `catalog`.
    ///
    /// - Parameter file: the name used in errors; by default the path as given.
    public static func load(contentsOf path: String, file: String? = nil, catalog: DeviceCatalog) throws(CatalogErrors) -> GatewayConfiguration {
        let name = file ?? path
        return try GatewayConfiguration(
            yaml: YAMLDocument.text(contentsOf: path, file: name), file: name,
            directory: PathComponents.directory(of: path), catalog: catalog
        )
    }

    /// Reads and checks configuration text.
    ///
    /// - Parameters:
    ///   - file: the name used in errors.
    ///   - directory: what relative `password_file` and `ca_file` paths are relative to.
    public init(yaml text: String, file: String, directory: String, catalog: DeviceCatalog) throws(CatalogErrors) {
        var errors: [CatalogError] = []
        guard let configuration = Self.decode(yaml: text, file: file, directory: directory, catalog: catalog, errors: &errors),
            errors.isEmpty
        else { throw CatalogErrors(errors) }
        self = configuration
    }

    /// Decodes as much as can be decoded, appending every problem to `errors`; `nil` when the
    /// account or access section cannot be built. Catalog models in `unavailableModels` failed
    /// to load, so devices of theirs are skipped without further errors.
    static func decode(
        yaml text: String, file: String, directory: String, catalog: DeviceCatalog,
        unavailableModels: Set<String> = [], errors: inout [CatalogError]
    ) -> GatewayConfiguration? {
        let root: SettingsRecord
        do {
            var decoder = SettingsDecoder(file: file)
            root = decoder.decodeRecord(try YAMLDocument.root(of: text, file: file), declarations: declarations)
            errors += decoder.errors
        } catch {
            errors += error.errors
            return nil
        }
        let account = root.record("account").flatMap { AccountConfiguration(record: $0, directory: directory, errors: &errors) }
        let access = root.record("access").flatMap { AccessConfiguration(record: $0, errors: &errors) }
        let devices = root.records("devices").compactMap {
            DeviceConfiguration(record: $0, catalog: catalog, unavailableModels: unavailableModels, errors: &errors)
        }
        let thermostats = root.records("thermostats").compactMap { ThermostatConfiguration(record: $0, errors: &errors) }
        let publishing = PublishingConfiguration(record: root.record("publishing"), errors: &errors)
        let stateDirectory = root.string("state_directory") ?? defaultStateDirectory
        if !stateDirectory.hasPrefix("/") {
            errors.append(root.invalid("state_directory", expected: "an absolute path", got: "\"\(stateDirectory)\""))
        }
        errors += ConfigurationReferences(
            devices: devices, thermostats: thermostats,
            deviceControllers: root.record("access")?.record("device_controllers"),
            writtenDeviceIDs: Set(root.records("devices").compactMap { $0.string("id") })
        ).errors()
        guard let account, let access else { return nil }
        return GatewayConfiguration(
            account: account,
            access: access,
            devices: devices,
            thermostats: thermostats,
            publishing: publishing,
            history: HistoryConfiguration(record: root.record("history"), stateDirectory: stateDirectory),
            stateDirectory: stateDirectory,
            logging: LoggingConfiguration(record: root.record("logging")),
            file: file
        )
    }
}
