import Drivers
import Foundation

/// The project's own device catalog, `Devices/` at the package root.
enum Catalog {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Devices")

    static let shared: DeviceCatalog = {
        do {
            return try DeviceCatalog.load(directory: directory)
        } catch {
            fatalError("the catalog in Devices/ does not load: \(error)")
        }
    }()

    static func model(_ id: String) -> DeviceModel {
        guard let model = shared.model(id: id) else { fatalError("no model \(id) in Devices/") }
        return model
    }
}
