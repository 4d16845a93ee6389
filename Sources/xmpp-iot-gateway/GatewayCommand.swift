import ArgumentParser
import Gateway

@main
struct GatewayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "xmpp-iot-gateway", subcommands: [Version.self])
}
