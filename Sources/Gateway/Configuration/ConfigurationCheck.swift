import Drivers
import Glibc
import Hardware

/// `check-config`: everything that can be wrong with a configuration, found without touching
/// hardware or the network — the device catalog's files, the configuration's keys, values and
/// references, and the files it names (the password file's permissions, the CA file).
public enum ConfigurationCheck {
    /// Every problem, sorted by file, line and column; empty when the configuration is good.
    ///
    /// - Parameters:
    ///   - file: the configuration's name in messages; by default its path as given.
    ///   - catalogDirectory: the device catalog (`Devices/`).
    public static func errors(configurationFile path: String, file: String? = nil, catalogDirectory: String) -> [CatalogError] {
        let (catalog, catalogErrors) = DeviceCatalog.loadReportingErrors(directory: catalogDirectory)
        let unavailableModels = Set(catalogErrors.map { DeviceModel.id(fromFile: $0.location.file) })
        var errors = catalogErrors
        let name = file ?? path
        do {
            let text = try YAMLDocument.text(contentsOf: path, file: name)
            let configuration = GatewayConfiguration.decode(
                yaml: text, file: name, directory: PathComponents.directory(of: path), catalog: catalog,
                unavailableModels: unavailableModels, errors: &errors
            )
            if let configuration {
                errors += fileErrors(configuration.account)
            }
        } catch {
            errors += error.errors
        }
        return CatalogErrors(errors).errors
    }

    /// The problems with the files the account names: a password file that is missing, empty
    /// or readable by others, a CA file that cannot be read.
    static func fileErrors(_ account: AccountConfiguration) -> [CatalogError] {
        var errors: [CatalogError] = []
        if case .file = account.password {
            do {
                _ = try account.password.password()
            } catch {
                errors.append(account.source.invalid(
                    "password_file", expected: "a readable, non-empty file that only its owner may read (chmod 600)", got: "\(error)"
                ))
            }
        }
        if let caFile = account.caFile, access(caFile, R_OK) != 0 {
            errors.append(account.source.invalid("ca_file", expected: "a readable PEM file", got: "\"\(caFile)\", which cannot be read"))
        }
        return errors
    }
}
