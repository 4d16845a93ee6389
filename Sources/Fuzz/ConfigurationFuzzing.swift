import Drivers
import Gateway

/// YAML as a user writes it: a gateway configuration against the real catalog, and the
/// same text as a device model for the catalog.
enum ConfigurationFuzzing {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? GatewayConfiguration(yaml: text, file: "gateway.yaml", directory: "/nonexistent", catalog: FuzzCatalog.catalog)
        _ = try? DeviceModel(yaml: text, file: "model.yaml")
    }
}
