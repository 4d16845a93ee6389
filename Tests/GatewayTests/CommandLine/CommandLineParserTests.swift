import Testing
@testable import Gateway

/// Each subcommand and each way to write its options, and the command lines the scripts and
/// the systemd unit run.
struct CommandLineParserTests {
    static func parse(_ arguments: [String]) throws -> GatewayCommand {
        try CommandLineParser.parse(arguments)
    }

    @Test func runIsTheDefaultSubcommand() throws {
        #expect(try Self.parse([]) == .run(ConfigurationOptions()))
        #expect(try Self.parse(["run"]) == .run(ConfigurationOptions(config: "/etc/xmpp-iot-gateway/gateway.yaml")))
        #expect(try Self.parse(["-c", "gateway.yaml"]) == .run(ConfigurationOptions(config: "gateway.yaml")))
    }

    @Test func optionSpellings() throws {
        let expected = GatewayCommand.checkConfig(ConfigurationOptions(config: "g.yaml", catalog: "Devices"))
        #expect(try Self.parse(["check-config", "-c", "g.yaml", "--catalog", "Devices"]) == expected)
        #expect(try Self.parse(["check-config", "--config", "g.yaml", "--catalog=Devices"]) == expected)
        #expect(try Self.parse(["check-config", "--config=g.yaml", "--catalog", "Devices"]) == expected)
        #expect(try Self.parse(["check-config", "--catalog", "Devices", "--config=g.yaml"]) == expected)
        // The last of a repeated option wins; a value may contain "=" or be empty.
        #expect(try Self.parse(["run", "-c", "a", "--config", "b=c"]) == .run(ConfigurationOptions(config: "b=c")))
        #expect(try Self.parse(["run", "--config="]) == .run(ConfigurationOptions(config: "")))
    }

    @Test func discoverProbesUnlessToldNotTo() throws {
        #expect(try Self.parse(["discover"]) == .discover(probe: true))
        #expect(try Self.parse(["discover", "--no-probe"]) == .discover(probe: false))
        #expect(try Self.parse(["discover", "--no-probe", "--probe"]) == .discover(probe: true))
    }

    @Test func readTakesTheDeviceBeforeOrAfterTheOptions() throws {
        let expected = GatewayCommand.read(device: "living-room", ConfigurationOptions(config: "g.yaml", catalog: "Devices"))
        #expect(try Self.parse(["read", "living-room", "--config", "g.yaml", "--catalog", "Devices"]) == expected)
        #expect(try Self.parse(["read", "-c", "g.yaml", "living-room", "--catalog", "Devices"]) == expected)
        #expect(try Self.parse(["read", "--", "-odd"]) == .read(device: "-odd", ConfigurationOptions()))
    }

    @Test func demoAndVersion() throws {
        #expect(try Self.parse(["demo", "--config", "demo.yaml"]) == .demo(ConfigurationOptions(config: "demo.yaml")))
        #expect(try Self.parse(["version"]) == .version)
        #expect(try Self.parse(["--version"]) == .version)
        #expect(try Self.parse(["run", "--config", "g.yaml", "--version"]) == .version)
    }

    @Test func helpWinsOverEverythingElse() throws {
        #expect(try Self.parse(["--help"]) == .help(nil))
        #expect(try Self.parse(["-h"]) == .help(nil))
        #expect(try Self.parse(["help"]) == .help(nil))
        #expect(try Self.parse(["help", "check-config"]) == .help(.checkConfig))
        #expect(try Self.parse(["read", "--help"]) == .help(.read))
        #expect(try Self.parse(["discover", "--bogus", "-h"]) == .help(.discover))
        #expect(try Self.parse(["run", "--help", "--version"]) == .help(.run))
    }

    /// What scripts/demo, scripts/lib/gateway-e2e, scripts/lib/bench-iot and the unit run.
    @Test func callersCommandLines() throws {
        let demo = ConfigurationOptions(config: "/tmp/demo/gateway.yaml", catalog: "Devices")
        #expect(try Self.parse(["run", "--config", "/etc/xmpp-iot-gateway/gateway.yaml"]) == .run(ConfigurationOptions()))
        #expect(try Self.parse(["check-config", "--config", "/tmp/demo/gateway.yaml", "--catalog", "Devices"]) == .checkConfig(demo))
        #expect(try Self.parse(["demo", "--config", "/tmp/demo/gateway.yaml", "--catalog", "Devices"]) == .demo(demo))
        #expect(try Self.parse(["read", "living-room", "--config", "/tmp/demo/gateway.yaml", "--catalog", "Devices"])
            == .read(device: "living-room", demo))
        #expect(try Self.parse(["discover", "--no-probe"]) == .discover(probe: false))
        #expect(try Self.parse(["version"]) == .version)
    }
}
