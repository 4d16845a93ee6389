import ArgumentParser
import Gateway

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the gateway's version.")

    func run() {
        print(GatewayVersion.current)
    }
}
