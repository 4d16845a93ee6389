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
}
