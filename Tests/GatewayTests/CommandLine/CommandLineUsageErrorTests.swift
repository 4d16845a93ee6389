import Testing
@testable import Gateway

/// Command lines the gateway refuses, and what it says about them.
struct CommandLineUsageErrorTests {
    /// The error parsing `arguments` throws, or nil if it succeeds.
    static func usageError(_ arguments: [String]) -> UsageError? {
        do {
            _ = try CommandLineParser.parse(arguments)
            return nil
        } catch {
            return error
        }
    }

    @Test func unknownOption() {
        let error = Self.usageError(["check-config", "--confg", "g.yaml"])
        #expect(error == UsageError(message: "unknown option '--confg'", subcommand: .checkConfig))
        #expect(error?.description == "error: unknown option '--confg'; see 'xmpp-iot-gateway check-config --help'")
        #expect(Self.usageError(["run", "--confg=g.yaml"])?.message == "unknown option '--confg'")
        #expect(Self.usageError(["-x"])?.message == "unknown option '-x'")
        #expect(Self.usageError(["discover", "--config", "g.yaml"])?.message == "unknown option '--config'")
        #expect(Self.usageError(["version", "-c", "g.yaml"])?.message == "unknown option '-c'")
    }

    @Test func missingValue() {
        #expect(Self.usageError(["check-config", "--config"])
            == UsageError(message: "missing value for option '--config'", subcommand: .checkConfig))
        #expect(Self.usageError(["run", "-c", "--catalog", "Devices"])?.message == "missing value for option '-c'")
        #expect(Self.usageError(["discover", "--probe=yes"])?.message == "option '--probe' takes no value")
    }

    @Test func unknownSubcommand() {
        let error = Self.usageError(["chek-config"])
        #expect(error == UsageError(message: "unknown subcommand 'chek-config'", subcommand: nil))
        #expect(error?.description == "error: unknown subcommand 'chek-config'; see 'xmpp-iot-gateway --help'")
        #expect(Self.usageError(["help", "nothing"])?.message == "unknown subcommand 'nothing'")
    }

    @Test func missingOrExtraArgument() {
        #expect(Self.usageError(["read", "--config", "g.yaml"])
            == UsageError(message: "missing argument '<device>'", subcommand: .read))
        #expect(Self.usageError(["read", "living-room", "kitchen"])
            == UsageError(message: "unexpected argument 'kitchen'", subcommand: .read))
        #expect(Self.usageError(["version", "now"])?.description
            == "error: unexpected argument 'now'; see 'xmpp-iot-gateway version --help'")
        #expect(Self.usageError(["run", "--config", "g.yaml", "extra"])?.message == "unexpected argument 'extra'")
        #expect(Self.usageError(["help", "read", "run"])?.message == "unexpected argument 'run'")
    }

    @Test func exitStatusIsEXUsage() {
        #expect(UsageError.exitStatus == 64)
    }
}
