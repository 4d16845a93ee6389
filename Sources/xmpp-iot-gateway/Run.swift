import ArgumentParser
import Foundation
import Foundation
import Gateway
import Logging

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the gateway (what the systemd service starts).",
        discussion: """
            SIGTERM or SIGINT stops it cleanly: unavailable presence, outputs to their safe state. \
            SIGHUP checks the configuration file again and logs the result; a changed \
            configuration takes effect on restart.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let (configuration, catalog) = try options.load()
        try await GatewayProcess(
            configuration: configuration, catalog: catalog,
            configurationFile: URL(fileURLWithPath: options.config), catalogDirectory: options.catalogDirectory
        ).run()
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
        try await GatewayProcess(
            configuration: configuration, catalog: catalog,
            configurationFile: URL(fileURLWithPath: options.config), catalogDirectory: options.catalogDirectory
        ).run()
    }
}
