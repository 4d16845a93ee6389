import Foundation
import Testing
@testable import Drivers

struct DeviceCatalogTests {
    static let expectedModels = [
        "ads1115", "arduino-th-line", "bme280", "bmp280", "dht22", "ds18b20", "gpio-button", "gpio-relay", "iio-generic",
        "mh-z19b", "nmea-gps", "pms5003", "pms7003", "sdm120-modbus", "sht3x", "thermostat",
    ]

    /// Every file in `Devices/` loads and passes its driver's checks; the declarative drivers
    /// can be built from their models.
    @Test func everyModelFileLoadsAndMatchesItsDriver() throws {
        let catalog: DeviceCatalog
        do {
            catalog = try DeviceCatalog.load(directory: devicesDirectory.path)
        } catch {
            Issue.record("Devices/ has errors:\n\(error)")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: devicesDirectory.path).filter { $0.hasSuffix(".yaml") }
        #expect(catalog.models.count == files.count)
        #expect(catalog.models.keys.sorted() == Self.expectedModels)
        for model in catalog.models.values {
            #expect(model.driver.schema.check(model).isEmpty, "\(model.id)")
            switch model.driver {
            case .lineProtocol: #expect(throws: Never.self) { try LineProtocolDriver(model: model) }
            case .modbusRTU: #expect(throws: Never.self) { try ModbusRegisterMapDriver(model: model) }
            default: break
            }
        }
        #expect(catalog.model(id: "bme280")?.address == 0x76)
        #expect(catalog.model(id: "mh-z19b")?.line == SerialLineSettings())
        #expect(catalog.model(id: "arduino-th-line")?.line?.summary == "115200 8N1")
        #expect(catalog.model(id: "sdm120-modbus")?.parameter(named: "demand_period")?.isWritable == true)
        #expect(catalog.model(id: "dht22")?.field(named: "temperature")?.processing.filters == [.median(window: 3, sendEvery: 1)])
    }

    /// `Devices/README.md` documents every key a driver, a model or a filter declares, and
    /// every driver kind.
    @Test func readmeNamesEveryDeclaredKey() throws {
        let readme = try String(contentsOf: devicesDirectory.appendingPathComponent("README.md"), encoding: .utf8)
        let keys = Set(Self.keys(in: DeviceModel.declarations))
        let missing = keys.filter { !readme.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "README.md does not name: \(missing)")
        let kinds = DriverKind.allCases.map(\.rawValue).filter { !readme.contains("### `\($0)`") }
        #expect(kinds.isEmpty, "README.md has no section for: \(kinds)")
        #expect(keys.count > 60)
    }

    @Test func errorsOfSeveralFilesComeTogether() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name: a\nvendor: b\nbus: i2c\nfields: []\ndriver: {kind: sht3x, repeatability: best}\n"
            .write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "name: [\n".write(to: directory.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try "not a model".write(to: directory.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let errors = catalogErrors { try DeviceCatalog.load(directory: directory.path) }
        let folder = directory.lastPathComponent
        #expect(errors.map(\.location.file) == [folder + "/a.yaml", folder + "/b.yaml"])
    }

    private static func keys(in declarations: [SettingDeclaration]) -> [String] {
        declarations.flatMap { [$0.key] + keys(in: $0.type) }
    }

    private static func keys(in type: SettingType) -> [String] {
        switch type {
        case let .list(element), let .map(element): keys(in: element)
        case let .record(declarations), let .variant(declarations): keys(in: declarations)
        case let .tagged(tag, variants): [tag] + variants.values.flatMap { keys(in: $0) }
        case .string, .int, .double, .bool, .choice, .duration, .regex, .interval: []
        }
    }
}
