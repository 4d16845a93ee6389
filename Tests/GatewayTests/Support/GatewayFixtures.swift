import Drivers
import Foundation
import Testing
@testable import Gateway

/// The repository, found from this file's place in the tree so the tests run from any checkout.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // GatewayTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

let devicesDirectory = repositoryRoot.appendingPathComponent("Devices")

/// The repository's catalog, with one extra model for paths no shipped model has: a relay
/// whose `state` parameter is read-only.
let testCatalog: DeviceCatalog = {
    let (catalog, errors) = DeviceCatalog.loadReportingErrors(directory: devicesDirectory.path)
    precondition(errors.isEmpty, "Devices/ has errors: \(errors)")
    var models = Array(catalog.models.values)
    if var readOnly = catalog.model(id: "gpio-relay") {
        readOnly.id = "read-only-relay"
        readOnly.parameters = readOnly.parameters.map { parameter in
            var parameter = parameter
            parameter.isWritable = false
            return parameter
        }
        models.append(readOnly)
    }
    return DeviceCatalog(models: models)
}()

/// The account and access sections every test configuration starts with: six lines, so a
/// test's own keys start on line 7.
let configurationHeader = """
    account:
      jid: gateway@example.org
      password: hunter2
    access:
      owner: alice@example.org
      controllers: [bob@example.org]

    """

/// Loads configuration text that must be valid; records the errors when it is not.
func loadConfiguration(_ yaml: String, directory: String = "/etc/xmpp-iot-gateway") -> GatewayConfiguration? {
    do {
        return try GatewayConfiguration(yaml: yaml, file: "gateway.yaml", directory: directory, catalog: testCatalog)
    } catch {
        Issue.record("configuration did not load:\n\(error)")
        return nil
    }
}

/// The messages loading `yaml` gives, in file order; empty when it loads.
func configurationErrors(_ yaml: String) -> [String] {
    do {
        _ = try GatewayConfiguration(yaml: yaml, file: "gateway.yaml", directory: "/etc/xmpp-iot-gateway", catalog: testCatalog)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

/// A model of the repository's catalog that must exist.
func catalogModel(_ id: String) -> DeviceModel {
    guard let model = testCatalog.model(id: id) else { fatalError("no model \(id) in Devices/") }
    return model
}
