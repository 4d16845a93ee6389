import ArgumentParser
import Gateway

@main
struct GatewayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xmpp-iot-gateway",
        abstract: "Bridges sensors and actuators to XMPP.",
        version: GatewayVersion.current,
        subcommands: [Version.self]
    )
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the gateway's version.")
    func run() { print(GatewayVersion.current) }
}
