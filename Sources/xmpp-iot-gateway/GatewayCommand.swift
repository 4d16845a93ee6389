import ArgumentParser
import Gateway

@main
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xmpp-iot-gateway",
        abstract: "Bridges sensors and actuators to XMPP.",
        version: GatewayVersion.current,
        subcommands: [Run.self, CheckConfig.self, Discover.self, Read.self, Demo.self, Version.self],
        defaultSubcommand: Run.self
    )
}
