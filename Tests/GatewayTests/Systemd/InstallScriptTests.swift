import Foundation
import TestSupport
import Testing

/// `scripts/install` staged under DESTDIR with a stand-in binary (no release build): what it
/// installs where, that a second run keeps the configuration, and that `--prefix` moves the
/// binary and the unit's ExecStart with it.
struct InstallScriptTests {
    static func install(destination: URL, arguments: [String]) throws -> Int32 {
        try SpawnedProcess(
            "/bin/bash", [repositoryRoot.appendingPathComponent("scripts/install").path] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["DESTDIR": destination.path]) { _, new in new }
        ).blockUntilExit()
    }

    @Test func stagesEverythingAndKeepsAnExistingConfiguration() throws {
        let directory = try ScratchDirectory()
        let root = directory.url
        #expect(try Self.install(destination: root, arguments: ["--binary", "/bin/true"]) == 0)
        let files = [
            "usr/local/bin/xmpp-iot-gateway", "usr/local/share/xmpp-iot-gateway/Devices/bme280.yaml",
            "etc/systemd/system/xmpp-iot-gateway.service", "usr/lib/sysusers.d/xmpp-iot-gateway.conf",
            "etc/udev/rules.d/99-xmpp-iot-gateway.rules", "etc/xmpp-iot-gateway/gateway.yaml",
        ]
        for file in files {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), "\(file)")
        }
        let example = try String(contentsOf: repositoryRoot.appendingPathComponent("Devices/examples/gateway.yaml"), encoding: .utf8)
        let config = root.appendingPathComponent("etc/xmpp-iot-gateway/gateway.yaml")
        #expect(try String(contentsOf: config, encoding: .utf8) == example)
        let mode = try FileManager.default.attributesOfItem(atPath: config.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)

        try Data("# edited by the owner\n".utf8).write(to: config)
        #expect(try Self.install(destination: root, arguments: ["--binary", "/bin/true", "--prefix", "/opt/gateway"]) == 0)
        #expect(try String(contentsOf: config, encoding: .utf8) == "# edited by the owner\n")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("opt/gateway/bin/xmpp-iot-gateway").path))
        let unit = try String(contentsOf: root.appendingPathComponent("etc/systemd/system/xmpp-iot-gateway.service"), encoding: .utf8)
        #expect(unit.contains("ExecStart=/opt/gateway/bin/xmpp-iot-gateway run --config /etc/xmpp-iot-gateway/gateway.yaml\n"))
    }

    @Test func refusesWhatItCannotDo() throws {
        let directory = try ScratchDirectory()
        #expect(try Self.install(destination: directory.url, arguments: ["--binary", "/nonexistent"]) != 0)
        #expect(try Self.install(destination: directory.url, arguments: ["--prefix", "relative", "--binary", "/bin/true"]) != 0)
        #expect(try Self.install(destination: directory.url, arguments: ["--frobnicate"]) != 0)
    }
}
