import Drivers
import Glibc

/// The device catalog of the checkout the harness runs in (`Devices/`), loaded once.
enum FuzzCatalog {
    static let catalog: DeviceCatalog = {
        do {
            return try DeviceCatalog.load(directory: "Devices")
        } catch {
            Fuzz.fail("run from the repository's root, where Devices/ is: \(error)")
        }
    }()

    static func model(_ id: String) -> DeviceModel {
        guard let model = catalog.model(id: id) else { Fuzz.fail("Devices/ has no model \(id)") }
        return model
    }

    /// A driver built from a catalog model, once; a model that does not build ends the run.
    static func driver<Driver>(_ id: String, _ build: (DeviceModel) throws -> Driver) -> Driver {
        do {
            return try build(model(id))
        } catch {
            Fuzz.fail("\(id) does not build a driver: \(error)")
        }
    }
}
