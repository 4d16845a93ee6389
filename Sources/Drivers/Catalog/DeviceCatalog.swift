import Hardware

/// The device models the gateway knows: every `*.yaml` file of a folder (`Devices/`), each
/// loaded and checked against its driver.
public struct DeviceCatalog: Sendable {
    /// By id, which is the file name without `.yaml`.
    public private(set) var models: [String: DeviceModel]

    public init(models: [DeviceModel]) {
        self.models = Dictionary(models.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func model(id: String) -> DeviceModel? {
        models[id]
    }

    /// Loads every `*.yaml` file directly in `directory` (not its subfolders: `Devices/examples`
    /// holds gateway configurations). Throws the errors of every bad file together.
    ///
    /// Errors name files as `<folder name>/<file>` (`Devices/bme280.yaml`), which is how a
    /// person in the repository or in `/etc` finds them, rather than a machine-specific path.
    public static func load(directory: String) throws(CatalogErrors) -> DeviceCatalog {
        let (catalog, errors) = loadReportingErrors(directory: directory)
        guard errors.isEmpty else { throw CatalogErrors(errors) }
        return catalog
    }

    /// Like `load(directory:)`, but keeps the models that loaded beside the errors of those
    /// that did not, so a check of a configuration can go on with the good ones.
    public static func loadReportingErrors(directory: String) -> (catalog: DeviceCatalog, errors: [CatalogError]) {
        let folder = PathComponents.lastComponent(of: directory)
        let names: [String]
        do {
            names = try FileAccess.entries(of: directory).filter { $0.hasSuffix(".yaml") }
        } catch {
            let error = CatalogError(
                location: SourceLocation(file: folder, line: 0, column: 0), path: .root,
                problem: .unreadable(reason: error.reason)
            )
            return (DeviceCatalog(models: []), [error])
        }
        var models: [DeviceModel] = []
        var errors: [CatalogError] = []
        for name in names {
            do {
                models.append(try DeviceModel(contentsOf: directory + "/" + name, file: folder + "/" + name))
            } catch {
                errors += error.errors
            }
        }
        return (DeviceCatalog(models: models), errors)
    }
}
