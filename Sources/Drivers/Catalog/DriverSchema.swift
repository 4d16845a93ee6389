/// What a driver declares about itself: the buses it serves, the settings it accepts (its
/// `driver:` keys in a model file), and the checks a model using it must pass.
///
/// Each driver's schema sits beside its code (`DriverSchema+BME280.swift` in `BME280/`);
/// `DriverKind` lists them all, and `Devices/README.md` documents the same declarations.
public struct DriverSchema: Sendable {
    public var buses: [Bus]
    public var settings: [SettingDeclaration]
    /// One sentence for the README and `check-config`.
    public var summary: String
    private let modelCheck: @Sendable (DeviceModel) -> [CatalogError]

    public init(
        buses: [Bus],
        settings: [SettingDeclaration],
        summary: String,
        check: @escaping @Sendable (DeviceModel) -> [CatalogError] = { _ in [] }
    ) {
        self.buses = buses
        self.settings = settings
        self.summary = summary
        modelCheck = check
    }

    /// The errors in `model` that only this driver can see (fields it cannot yield, settings
    /// that contradict each other).
    public func check(_ model: DeviceModel) -> [CatalogError] {
        modelCheck(model)
    }

    /// Errors for the model's fields that are not among `outputs`, or whose unit or type
    /// differs from the output of the same name.
    public static func fieldErrors(_ model: DeviceModel, outputs: [DriverOutput]) -> [CatalogError] {
        var errors: [CatalogError] = []
        let names = outputs.map(\.name).joined(separator: ", ")
        for field in model.fields {
            guard let output = outputs.first(where: { $0.name == field.name }) else {
                errors.append(field.source.invalid(
                    "name", expected: "a field driver \(model.driver.rawValue) yields (\(names))", got: "\"\(field.name)\""
                ))
                continue
            }
            if (field.unit ?? "") != output.unit {
                errors.append(field.source.invalid(
                    "unit", expected: "\"\(output.unit)\" (the unit driver \(model.driver.rawValue) yields)", got: "\"\(field.unit ?? "")\""
                ))
            }
            if field.type != output.type {
                errors.append(field.source.invalid("type", expected: output.type.rawValue, got: field.type.rawValue))
            }
        }
        return errors
    }

    /// Errors for the model's parameters that are not among `accepted`, or differ from them in
    /// unit or type.
    public static func parameterErrors(_ model: DeviceModel, accepted: [DriverOutput]) -> [CatalogError] {
        var errors: [CatalogError] = []
        let names = accepted.isEmpty ? "none" : accepted.map(\.name).joined(separator: ", ")
        for parameter in model.parameters {
            guard let output = accepted.first(where: { $0.name == parameter.name }) else {
                errors.append(parameter.source.invalid(
                    "name", expected: "a parameter driver \(model.driver.rawValue) accepts (\(names))", got: "\"\(parameter.name)\""
                ))
                continue
            }
            if (parameter.unit ?? "") != output.unit {
                errors.append(parameter.source.invalid("unit", expected: "\"\(output.unit)\"", got: "\"\(parameter.unit ?? "")\""))
            }
            if parameter.type != output.type {
                errors.append(parameter.source.invalid("type", expected: output.type.rawValue, got: parameter.type.rawValue))
            }
        }
        return errors
    }
}
