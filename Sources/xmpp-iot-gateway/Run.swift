import ArgumentParser
import Gateway
import Logging

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the gateway (what the systemd service starts).",
        discussion: """
            SIGTERM or SIGINT stops it cleanly: unavailable presence, outputs to their safe state. \
            SIGHUP reloads the configuration: devices it adds, removes or changes are stopped and \
            started, every other device keeps its session; a broken file changes nothing.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let (configuration, catalog) = try options.load()
        let options = options
        try await GatewayProcess(configuration: configuration, catalog: catalog) { try options.load().0 }.run()
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a configuration with every device simulated: try it without any hardware.",
        discussion: "scripts/demo starts a local XMPP server and runs this with Devices/examples/demo.yaml."
    )

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let (configuration, catalog) = try options.load(forceSimulation: true)
        let options = options
        try await GatewayProcess(configuration: configuration, catalog: catalog) { try options.load(forceSimulation: true).0 }.run()
    }
}
