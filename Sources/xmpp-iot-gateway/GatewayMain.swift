import Gateway
import Glibc

/// The `xmpp-iot-gateway` command: parses its arguments, then prints help or the version or
/// runs a subcommand. A usage error exits with status 64 (EX_USAGE), a failing subcommand
/// with 1 after printing "Error: " and the failure on standard error.
@main
enum GatewayMain {
    static func main() async {
        let command: GatewayCommand
        do {
            command = try CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            JournalLogHandler.writeToStandardError(error.description)
            exit(UsageError.exitStatus)
        }
        do {
            try await run(command)
        } catch is ProblemsReported {
            exit(EXIT_FAILURE)
        } catch {
            JournalLogHandler.writeToStandardError("Error: \(error)")
            exit(EXIT_FAILURE)
        }
    }

    private static func run(_ command: GatewayCommand) async throws {
        switch command {
        case let .run(options): try await Run(options: options, simulated: false).run()
        case let .checkConfig(options): try CheckConfig(options: options).run()
        case let .discover(probe): await Discover(probe: probe).run()
        case let .read(device, options): try await Read(options: options, device: device).run()
        case let .demo(options): try await Run(options: options, simulated: true).run()
        case .version: print(GatewayVersion.current)
        case let .help(subcommand): print(CommandLineHelp.text(for: subcommand))
        }
    }
}
