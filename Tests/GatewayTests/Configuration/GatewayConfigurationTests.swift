import Drivers
import Foundation
import Hardware
import Logging
import Testing
import XMPPClient
@testable import Gateway

struct GatewayConfigurationTests {
    static let examples = repositoryRoot.appendingPathComponent("Devices/examples")

    /// Everything left out takes its documented default.
    @Test func minimalConfigurationTakesTheDefaults() throws {
        let configuration = try #require(loadConfiguration(configurationHeader))
        #expect(configuration.account.jid == (try JID("gateway@example.org")))
        #expect(configuration.account.password == .inline("hunter2"))
        #expect(configuration.account.endpoint == nil)
        #expect(configuration.account.resolvedEndpoint == nil)
        #expect(!configuration.account.directTLS)
        #expect(!configuration.account.allowPLAIN)
        #expect(configuration.account.caFile == nil)
        #expect(configuration.account.spkiPin == nil)
        #expect(configuration.access.owner == (try JID("alice@example.org")))
        #expect(configuration.access.controllers == [try JID("bob@example.org")])
        #expect(configuration.access.readers.isEmpty)
        #expect(configuration.access.controlRateLimit == ControlRateLimit(burst: 5, interval: .seconds(1)))
        #expect(configuration.devices.isEmpty)
        #expect(configuration.thermostats.isEmpty)
        #expect(configuration.publishing == PublishingConfiguration(mode: .pep, service: nil, nodePrefix: "urn:xmpp:iot:sensordata"))
        #expect(configuration.stateDirectory == "/var/lib/xmpp-iot-gateway")
        #expect(configuration.history == HistoryConfiguration(
            maximumAge: .seconds(30 * 86_400), maximumRowsPerDevice: 100_000,
            databasePath: "/var/lib/xmpp-iot-gateway/history.sqlite"
        ))
        #expect(configuration.logging == LoggingConfiguration(level: .info, moduleLevels: [:]))
        #expect(configuration.file == "gateway.yaml")
    }

    /// The example a user installs: every section read as written.
    @Test func exampleGatewayConfigurationReadsAsWritten() throws {
        let url = Self.examples.appendingPathComponent("gateway.yaml")
        let configuration = try GatewayConfiguration.load(contentsOf: url.path, file: "gateway.yaml", catalog: testCatalog)
        #expect(configuration.account.password == .file(path: Self.examples.appendingPathComponent("password").path))
        #expect(configuration.access.deviceControllers == ["heating": [try JID("carol@example.org")]])
        #expect(configuration.access.readers == [try JID("dashboard@example.org")])
        #expect(configuration.devices.map(\.id) == ["hall-climate", "office-co2", "boiler-room", "heating-relay", "hall-button"])

        let climate = try #require(configuration.device(id: "hall-climate"))
        #expect(climate.attachment == DeviceAttachmentConfiguration(port: "1", address: 0x76))
        #expect(climate.interval == .seconds(30))
        let temperature = try #require(climate.model.field(named: "temperature"))
        #expect(climate.processing(of: temperature) == FieldProcessing(
            validRange: -40...85, filters: [.offset(-0.4)], expireAfter: .seconds(300)
        ))
        #expect(climate.publishPolicy(of: "temperature", defaults: configuration.publishing.defaults)
            == PublishPolicy(changeThreshold: 0.1, throttle: .seconds(5), heartbeat: .seconds(600)))
        #expect(climate.publishPolicy(of: "humidity", defaults: configuration.publishing.defaults)
            == PublishPolicy(changeThreshold: nil, throttle: .seconds(5), heartbeat: .seconds(900)))

        let co2 = try #require(configuration.device(id: "office-co2"))
        #expect(co2.attachment.port == "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0")
        #expect(co2.interval == .seconds(30))
        let co2Field = try #require(co2.model.field(named: "co2"))
        #expect(co2.processing(of: co2Field).filters == [.median(window: 3, sendEvery: 1)])
        #expect(co2.parameterStartValues == ["automatic_baseline_correction": .boolean(false)])

        let probe = try #require(configuration.device(id: "boiler-room"))
        #expect(probe.attachment == DeviceAttachmentConfiguration(port: "28-0000075c6f2b"))
        let probeField = try #require(probe.model.field(named: "temperature"))
        #expect(probe.processing(of: probeField).expireAfter == .seconds(120))

        #expect(configuration.device(id: "heating-relay")?.attachment == DeviceAttachmentConfiguration(port: "pinctrl-bcm2711", line: "GPIO23"))
        #expect(configuration.device(id: "hall-button")?.attachment == DeviceAttachmentConfiguration(port: "pinctrl-bcm2711", line: "GPIO17"))
        #expect(configuration.devices.allSatisfy { !$0.isSimulated })

        let heating = try #require(configuration.thermostat(id: "heating"))
        #expect(heating.sensor == DeviceMemberReference(device: "boiler-room", name: "temperature"))
        #expect(heating.heat == DeviceMemberReference(device: "heating-relay", name: "state"))
        #expect(heating.cool == nil)
        #expect(heating.setpointRange == 5...28)
        #expect(heating.defaultSetpoint == 20)
        #expect(heating.hysteresis == 0.5)
        #expect(heating.minimumOnTime == .seconds(180))
        #expect(heating.minimumOffTime == .seconds(180))
        #expect(heating.maximumRunTime == .seconds(7200))
        #expect(heating.presets == ["eco": 17, "comfort": 21, "away": 12])
        #expect(heating.safeState == .off)

        #expect(configuration.logging.level(forLabel: "XMPPClient") == .notice)
        #expect(configuration.logging.level(forLabel: "XMPPClient.tls") == .notice)
        #expect(configuration.logging.level(forLabel: "Gateway") == .info)
    }

    @Test func demoConfigurationSimulatesEveryDevice() throws {
        let url = Self.examples.appendingPathComponent("demo.yaml")
        let configuration = try GatewayConfiguration.load(contentsOf: url.path, file: "demo.yaml", catalog: testCatalog)
        #expect(configuration.devices.map(\.model.id).sorted() == ["bme280", "gpio-button", "gpio-relay", "mh-z19b"])
        #expect(configuration.devices.allSatisfy { $0.isSimulated })
        #expect(configuration.thermostats.map(\.id) == ["thermostat"])
        #expect(configuration.access.owner == (try JID("user@localhost")))
    }

    /// The server override, direct TLS, relative paths, the pin and PLAIN.
    @Test func accountSettings() throws {
        let pin = String(repeating: "A", count: 43) + "="
        let configuration = try #require(loadConfiguration("""
            account:
              jid: Gateway@Example.ORG
              password_file: secrets/password
              server: {host: xmpp.example.org}
              direct_tls: true
              ca_file: ca.pem
              spki_pin: "\(pin)"
              allow_plain: true
            access:
              owner: alice@example.org
            """, directory: "/etc/gw"))
        let account = configuration.account
        #expect(account.jid.description == "gateway@example.org")
        #expect(account.password == .file(path: "/etc/gw/secrets/password"))
        #expect(account.endpoint == ClientConfiguration.Endpoint(host: "xmpp.example.org", port: 5223, directTLS: true))
        #expect(account.caFile == "/etc/gw/ca.pem")
        #expect(account.spkiPin?.base64 == pin)
        #expect(account.allowPLAIN)

        let withoutServer = try #require(loadConfiguration("""
            account: {jid: gw@example.org, password: x, direct_tls: true, ca_file: /etc/ssl/ca.pem}
            access: {owner: alice@example.org}
            """))
        #expect(withoutServer.account.resolvedEndpoint == ClientConfiguration.Endpoint(host: "example.org", port: 5223, directTLS: true))
        #expect(withoutServer.account.caFile == "/etc/ssl/ca.pem")
    }

    /// The password is in the configuration, but never in its printed form.
    @Test func printingTheConfigurationNeverShowsThePassword() throws {
        let configuration = try #require(loadConfiguration(configurationHeader))
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [String(describing: configuration), String(reflecting: configuration), dumped, "\(configuration.account)"] {
            #expect(!text.contains("hunter2"))
        }
        #expect("\(configuration.account)" == "account gateway@example.org (password <redacted>)")
        #expect(try configuration.account.password.password() == "hunter2")
    }

    @Test func unknownKeysAreErrorsWithSuggestions() {
        #expect(configurationErrors(configurationHeader + """
            devices:
              - id: hall
                model: bme280
                bus: 1
                intervall: 30s
            logging:
              levle: debug
            """) == [
            #"gateway.yaml:11:5: devices[0].intervall: unknown key, did you mean "interval"?"#,
            #"gateway.yaml:13:3: logging.levle: unknown key, did you mean "level"?"#,
        ])
        #expect(configurationErrors("""
            account:
              jid: gateway@example.org
              password: hunter2
            acess:
              owner: alice@example.org
            """) == [
            "gateway.yaml:1:1: access: missing, expected a mapping",
            #"gateway.yaml:4:1: acess: unknown key, did you mean "access"?"#,
        ])
    }

    @Test func accountAndAccessErrorsAllAtOnce() {
        #expect(configurationErrors("""
            account:
              jid: gateway.example.org
              password: x
              password_file: secret
              spki_pin: abc
            access:
              owner: alice@example.org/phone
              readers: [bob@example.org, "carol smith@example.org"]
            state_directory: var/lib/gw
            """) == [
            #"gateway.yaml:2:8: account.jid: expected an account JID with a name, such as gateway@gateway.example.org, got "gateway.example.org""#,
            #"gateway.yaml:4:18: account.password_file: expected password or password_file, not both, got both"#,
            #"gateway.yaml:5:13: account.spki_pin: expected 44 characters of Base64 (a SHA-256 digest), got "abc""#,
            #"gateway.yaml:7:10: access.owner: expected a bare JID such as name@example.org (access is by bare JID; resources are not trusted), got "alice@example.org/phone""#,
            #"gateway.yaml:8:12: access.readers[1]: expected a bare JID such as name@example.org, got "carol smith@example.org" (the localpart contains U+20 (" "), which is not allowed there)"#,
            #"gateway.yaml:9:18: state_directory: expected an absolute path, got "var/lib/gw""#,
        ])
    }

    @Test func aPasswordIsRequired() {
        #expect(configurationErrors("""
            account:
              jid: gateway@example.org
            access:
              owner: alice@example.org
            """) == ["gateway.yaml:2:3: account.password: missing, expected password or password_file"])
    }

    @Test func publishingAndLoggingErrors() {
        #expect(configurationErrors(configurationHeader + """
            publishing:
              mode: pubsub
              node_prefix: sensors/
            logging:
              level: verbose
              modules:
                XMPPClient: debugg
            """) == [
            "gateway.yaml:8:3: publishing.service: missing, expected the PubSub service's JID (mode is pubsub)",
            #"gateway.yaml:11:10: logging.level: expected one of trace, debug, info, notice, warning, error, critical, got "verbose""#,
            #"gateway.yaml:13:17: logging.modules.XMPPClient: expected one of trace, debug, info, notice, warning, error, critical, got "debugg" (did you mean "debug"?)"#,
        ])
        #expect(configurationErrors(configurationHeader + """
            publishing:
              service: pubsub.example.org
            """) == [
            #"gateway.yaml:8:12: publishing.service: expected no service with mode pep (PEP is the account's own), got "pubsub.example.org""#,
        ])
    }

    @Test func valuesOutOfRangeAndEmptyMappings() {
        #expect(configurationErrors(configurationHeader + """
            devices:
              - id: co2
                model: mh-z19b
                udev: {}
                interval: 50ms
            publishing:
              mode: pubsub
              service: "@example.org"
            history:
              max_rows_per_device: 0
            """) == [
            "gateway.yaml:10:11: devices[0].udev: expected at least one of vendor, product, serial, got none",
            #"gateway.yaml:11:15: devices[0].interval: expected a duration with a unit (such as 500ms, 30s, 5min, 2h) from 100ms to 1d, got "50ms""#,
            #"gateway.yaml:14:12: publishing.service: expected a bare JID such as name@example.org, got "@example.org" (the localpart of a JID cannot be empty)"#,
            #"gateway.yaml:16:24: history.max_rows_per_device: expected a whole number from 1 to 100000000, got "0""#,
        ])
        #expect(configurationErrors("""
            account: {jid: gw@example.org, password: x, server: {port: 5222}}
            access: {owner: alice@example.org}
            """) == ["gateway.yaml:1:53: account.server.host: missing, expected a text"])
    }

    @Test func pubsubPublishingAndHistorySettings() throws {
        let configuration = try #require(loadConfiguration(configurationHeader + """
            publishing:
              mode: pubsub
              service: pubsub.example.org
              node_prefix: sensors/
              defaults: {change_threshold: 0.5, throttle: 2s, heartbeat: 1h}
            history:
              max_age: 7d
              max_rows_per_device: 500
              database: db/readings.sqlite
            state_directory: /srv/gw
            """))
        #expect(configuration.publishing == PublishingConfiguration(
            mode: .pubsub, service: try JID("pubsub.example.org"), nodePrefix: "sensors/",
            defaults: PublishPolicy(changeThreshold: 0.5, throttle: .seconds(2), heartbeat: .seconds(3600))
        ))
        #expect(configuration.history == HistoryConfiguration(
            maximumAge: .seconds(7 * 86_400), maximumRowsPerDevice: 500, databasePath: "/srv/gw/db/readings.sqlite"
        ))
    }

    @Test func syntaxErrorsNameTheLine() {
        #expect(configurationErrors("account:\n\tjid: x\n").first?.hasPrefix("gateway.yaml:2:1: not valid YAML") == true)
    }
}

/// `Devices/examples/README.md` documents every key the configuration declares.
struct ConfigurationReferenceTests {
    @Test func readmeNamesEveryDeclaredKey() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("Devices/examples/README.md"), encoding: .utf8)
        let keys = Set(Self.keys(in: GatewayConfiguration.declarations))
        let missing = keys.filter { !readme.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "Devices/examples/README.md does not name: \(missing)")
        #expect(keys.count > 60)
    }

    /// Declared keys, leaving out the filter lists, which the catalog's README documents.
    private static func keys(in declarations: [SettingDeclaration]) -> [String] {
        declarations.flatMap { declaration in
            ["filters", "calibration"].contains(declaration.key) ? [declaration.key] : [declaration.key] + keys(in: declaration.type)
        }
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
