import Foundation
import TestSupport
import Testing

/// The shipped unit file: what makes it a notify service with a watchdog, and its hardening.
struct SystemdUnitTests {
    /// The `[Service]` section's assignments; a key written more than once keeps every value.
    static func serviceSettings() throws -> [String: [String]] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("systemd/xmpp-iot-gateway.service"), encoding: .utf8)
        var section = ""
        var settings: [String: [String]] = [:]
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                section = line
                continue
            }
            guard section == "[Service]", let equals = line.firstIndex(of: "=") else { continue }
            settings[String(line[..<equals]), default: []].append(String(line[line.index(after: equals)...]))
        }
        return settings
    }

    @Test func notifyServiceWithWatchdog() throws {
        let settings = try Self.serviceSettings()
        #expect(settings["Type"] == ["notify"])
        #expect(settings["WatchdogSec"] == ["30"])
        #expect(settings["ExecStart"] == ["/usr/local/bin/xmpp-iot-gateway run --config /etc/xmpp-iot-gateway/gateway.yaml"])
        #expect(settings["ExecReload"] == ["/bin/kill -HUP $MAINPID"])
        #expect(settings["Restart"] == ["on-failure"])
        #expect(settings["User"] == ["xmpp-iot-gateway"])
        #expect(settings["SupplementaryGroups"] == ["gpio i2c dialout"])
        #expect(settings["StateDirectory"] == ["xmpp-iot-gateway"])
        #expect(settings["ConfigurationDirectory"] == ["xmpp-iot-gateway"])
    }

    @Test func hardening() throws {
        let settings = try Self.serviceSettings()
        for (key, value) in [
            ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("NoNewPrivileges", "yes"), ("PrivateTmp", "yes"),
            ("DevicePolicy", "closed"), ("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6 AF_NETLINK"),
            ("ProtectKernelTunables", "yes"), ("ProtectControlGroups", "yes"), ("RestrictNamespaces", "yes"),
            ("LockPersonality", "yes"), ("MemoryDenyWriteExecute", "yes"), ("SystemCallArchitectures", "native"),
        ] {
            #expect(settings[key] == [value], "\(key)")
        }
        let devices = settings["DeviceAllow"] ?? []
        for device in ["char-gpiochip rw", "char-i2c rw", "char-ttyUSB rw", "char-ttyACM rw", "char-usb_device rw"] {
            #expect(devices.contains(device), "DeviceAllow=\(device)")
        }
    }

    /// The user the unit runs as is the one sysusers creates, in the groups the udev rules use.
    @Test func sysusersAndUdevRulesAgreeWithTheUnit() throws {
        let sysusers = try String(contentsOf: repositoryRoot.appendingPathComponent("systemd/xmpp-iot-gateway.sysusers"), encoding: .utf8)
        for line in ["u xmpp-iot-gateway ", "m xmpp-iot-gateway gpio", "m xmpp-iot-gateway i2c", "m xmpp-iot-gateway dialout"] {
            #expect(sysusers.contains(line), "\(line)")
        }
        let rules = try String(contentsOf: repositoryRoot.appendingPathComponent("systemd/99-xmpp-iot-gateway.rules"), encoding: .utf8)
        #expect(rules.contains(#"SUBSYSTEM=="gpio", KERNEL=="gpiochip*", GROUP="gpio", MODE="0660""#))
        #expect(rules.contains(#"SUBSYSTEM=="i2c-dev", KERNEL=="i2c-[0-9]*", GROUP="i2c", MODE="0660""#))
    }

    /// `systemd-analyze verify` accepts the unit (with a binary that exists on this machine);
    /// skipped where systemd's tools are not installed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func systemdAcceptsTheUnit() async throws {
        let directory = try ScratchDirectory()
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("systemd/xmpp-iot-gateway.service"), encoding: .utf8)
        let unit = try directory.write(
            text.replacingOccurrences(of: "/usr/local/bin/xmpp-iot-gateway", with: "/bin/true"), to: "xmpp-iot-gateway.service",
            mode: 0o644
        )
        let process = try SpawnedProcess("/usr/bin/systemd-analyze", ["verify", unit.path], capture: .standardError)
        let output = String(decoding: await process.collectOutput(), as: UTF8.self)
        #expect(await process.waitForExit() == 0, "\(output)")
        #expect(output.isEmpty, "\(output)")
    }
}
