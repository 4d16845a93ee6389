import Hardware

extension DeviceModel {
    /// Loads a model from YAML text, checking it against the model file declarations and then
    /// against its driver; throws every error found, not just the first.
    ///
    /// - Parameters:
    ///   - file: the name used in error messages (`Devices/bme280.yaml`).
    ///   - id: the model's id; by default `file`'s last component without `.yaml`.
    public init(yaml text: String, file: String, id: String? = nil) throws(CatalogErrors) {
        let root = try YAMLDocument.root(of: text, file: file)
        var decoder = SettingsDecoder(file: file)
        let record = decoder.decodeRecord(root, declarations: Self.declarations)
        var errors = decoder.errors
        let modelID = id ?? Self.id(fromFile: file)
        guard let model = DeviceModel(id: modelID, record: record, errors: &errors) else {
            throw CatalogErrors(errors)
        }
        errors += model.driverErrors()
        guard errors.isEmpty else { throw CatalogErrors(errors) }
        self = model
    }

    /// Loads the model file at `path`; `file` names it in errors (by default the path as given).
    public init(contentsOf path: String, file: String? = nil) throws(CatalogErrors) {
        let name = file ?? path
        try self.init(yaml: YAMLDocument.text(contentsOf: path, file: name), file: name)
    }

    /// The checks of the model against its driver: the bus it serves, then the driver's own.
    func driverErrors() -> [CatalogError] {
        let schema = driver.schema
        guard schema.buses.contains(bus) else {
            return [source.invalid(
                "bus",
                expected: schema.buses.map(\.rawValue).joined(separator: " or ") + " (what driver \(driver.rawValue) serves)",
                got: bus.rawValue
            )]
        }
        return schema.check(self)
    }

    /// `Devices/bme280.yaml` → `bme280`.
    public static func id(fromFile file: String) -> String {
        let name = PathComponents.lastComponent(of: file)
        return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
    }
}
