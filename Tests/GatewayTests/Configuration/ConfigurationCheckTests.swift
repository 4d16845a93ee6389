import Drivers
import Foundation
import Testing
@testable import Gateway

struct ConfigurationCheckTests {
    /// Every example checks clean, next to the password file and CA file it names.
    @Test(arguments: ["gateway.yaml", "demo.yaml"])
    func everyExampleChecksClean(example: String) throws {
        let directory = try ScratchDirectory()
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Devices/examples/\(example)"), encoding: .utf8)
        let configuration = try directory.write(text, to: example, mode: 0o644)
        try directory.write("secret\n", to: "password")
        try directory.write("secret\n", to: "demo-password")
        try directory.write("-----BEGIN CERTIFICATE-----\n", to: "demo-ca.pem", mode: 0o644)
        let errors = ConfigurationCheck.errors(configurationFile: configuration.path, file: example, catalogDirectory: devicesDirectory.path)
        #expect(errors.isEmpty, "\(CatalogErrors(errors))")
    }

    /// Every example in the folder is one the test above checks.
    @Test func everyExampleIsChecked() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Devices/examples").path)
        #expect(names.filter { $0.hasSuffix(".yaml") }.sorted() == ["demo.yaml", "gateway.yaml"])
    }

    @Test func passwordFileMustBePrivateAndCAFileReadable() throws {
        let directory = try ScratchDirectory()
        try directory.write("secret\n", to: "password", mode: 0o644)
        let configuration = try directory.write("""
            account:
              jid: gateway@example.org
              password_file: password
              ca_file: missing.pem
            access:
              owner: alice@example.org
            """, to: "gateway.yaml")
        let path = directory.url.path
        #expect(ConfigurationCheck.errors(configurationFile: configuration.path, file: "gateway.yaml", catalogDirectory: devicesDirectory.path)
            .map(\.description) == [
                "gateway.yaml:3:18: account.password_file: expected a readable, non-empty file that only its owner may read (chmod 600), "
                    + "got password file \(path)/password is readable by other users (mode 0644); allow only its owner, e.g. chmod 600 \(path)/password",
                #"gateway.yaml:4:12: account.ca_file: expected a readable PEM file, got "\#(path)/missing.pem", which cannot be read"#,
            ])
    }

    @Test func passwordFileErrors() throws {
        let directory = try ScratchDirectory()
        let path = directory.url.path
        try directory.write("hunter2\nsecond line\n", to: "good")
        try directory.write("", to: "empty")
        try directory.write("x", to: "group-readable", mode: 0o640)
        #expect(try PasswordFile.read(path: "\(path)/good") == "hunter2")
        #expect(throws: PasswordFileError.empty(path: "\(path)/empty")) { try PasswordFile.read(path: "\(path)/empty") }
        #expect(throws: PasswordFileError.readableByOthers(path: "\(path)/group-readable", mode: 0o640)) {
            try PasswordFile.read(path: "\(path)/group-readable")
        }
        #expect(throws: PasswordFileError.unreadable(path: "\(path)/none", reason: "No such file or directory")) {
            try PasswordFile.read(path: "\(path)/none")
        }
        #expect(throws: PasswordFileError.unreadable(path: path, reason: "not a regular file")) { try PasswordFile.read(path: path) }
        #expect(PasswordFileError.empty(path: "/p").description == "password file /p is empty")
    }

    /// A broken model file is reported with its own errors, and devices of that model get no
    /// follow-on error; the configuration's own errors still come, all sorted by file and line.
    @Test func catalogAndConfigurationErrorsTogether() throws {
        let directory = try ScratchDirectory()
        let catalog = directory.url.appendingPathComponent("Devices")
        try FileManager.default.createDirectory(at: catalog, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: devicesDirectory.appendingPathComponent("gpio-relay.yaml"), to: catalog.appendingPathComponent("gpio-relay.yaml"))
        try directory.write("name: Broken\nvendor: x\nbus: i2c\nfields: []\ndriver: {kind: bme280, variant: bme281}\n", to: "Devices/broken.yaml", mode: 0o644)
        let configuration = try directory.write("""
            account: {jid: gateway@example.org, password: x}
            access: {owner: alice@example.org}
            devices:
              - {id: a, model: broken, bus: 1}
              - {id: b, model: gpio-relay, simulate: true, colour: red}
            """, to: "gateway.yaml")
        #expect(ConfigurationCheck.errors(configurationFile: configuration.path, file: "gateway.yaml", catalogDirectory: catalog.path)
            .map(\.description) == [
                #"Devices/broken.yaml:5:33: driver.variant: expected one of bme280, bmp280, got "bme281" (did you mean "bme280"?)"#,
                "gateway.yaml:5:48: devices[1].colour: unknown key",
            ])
    }

    @Test func anUnreadableConfigurationIsOneError() {
        let errors = ConfigurationCheck.errors(
            configurationFile: "/nonexistent/gateway.yaml", catalogDirectory: devicesDirectory.path
        )
        #expect(errors.count == 1)
        #expect(errors.first?.description.hasPrefix("/nonexistent/gateway.yaml: cannot read:") == true)
    }
}
