import Foundation
import Testing
@testable import Drivers

/// The repository's `Devices/` folder, found from this file's place in the tree so the tests
/// run from any checkout.
let devicesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Catalog
    .deletingLastPathComponent()  // DriversTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository
    .appendingPathComponent("Devices")

/// The errors `body` threw as `CatalogErrors`; empty when it returned. Any other error is a
/// broken test and fails it.
func catalogErrors<T>(_ body: () throws -> T) -> [CatalogError] {
    do {
        _ = try body()
        return []
    } catch let error as CatalogErrors {
        return error.errors
    } catch {
        Issue.record("not CatalogErrors: \(error)")
        return []
    }
}

/// A model from YAML text that must load; records the errors when it does not.
func loadModel(_ yaml: String, file: String = "test.yaml") -> DeviceModel? {
    do {
        return try DeviceModel(yaml: yaml, file: file)
    } catch {
        Issue.record("model did not load:\n\(error)")
        return nil
    }
}
