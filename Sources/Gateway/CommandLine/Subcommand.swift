/// The gateway's subcommands, with the texts their help shows.
public enum Subcommand: String, CaseIterable, Sendable {
    case run
    case checkConfig = "check-config"
    case discover
    case read
    case demo
    case version
    case help

    /// What `xmpp-iot-gateway` alone runs.
    static let defaultSubcommand = Subcommand.run

    var name: String { rawValue }

    var abstract: String {
        switch self {
        case .run: "Run the gateway (what the systemd service starts)."
        case .checkConfig: "Check the configuration and the catalog without touching hardware or the network."
        case .discover:
            "List what this machine offers: serial ports, GPIO chips and lines, I2C buses and who answers on them, 1-Wire and IIO devices."
        case .read: "Take one reading of a configured device and print it, without XMPP."
        case .demo: "Run a configuration with every device simulated: try it without any hardware."
        case .version: "Print the gateway's version."
        case .help: "Show subcommand help information."
        }
    }

    var discussion: String? {
        switch self {
        case .run:
            """
            SIGTERM or SIGINT stops it cleanly: unavailable presence, outputs to their safe state. \
            SIGHUP reloads the configuration: devices it adds, removes or changes are stopped and \
            started, every other device keeps its session; a broken file changes nothing.
            """
        case .checkConfig: "Every problem is reported at once, with file, line and key; the exit status is 1 if there is any."
        case .discover: "Probing I2C reads one byte from each address (as i2cdetect -r does); pass --no-probe to skip it."
        case .demo: "scripts/demo starts a local XMPP server and runs this with Devices/examples/demo.yaml."
        case .read, .version, .help: nil
        }
    }

    var options: [CommandOption] {
        switch self {
        case .run, .checkConfig, .read, .demo: [.config, .catalog]
        case .discover: [.probe]
        case .version, .help: []
        }
    }

    var positionalArgument: PositionalArgument? {
        switch self {
        case .read: PositionalArgument(name: "device", help: "The device's id in the configuration.", isRequired: true)
        case .help: PositionalArgument(name: "subcommand", help: "The subcommand to describe.", isRequired: false)
        case .run, .checkConfig, .discover, .demo, .version: nil
        }
    }
}

/// The one argument a subcommand may take besides its options.
struct PositionalArgument: Sendable {
    let name: String
    let help: String
    let isRequired: Bool
}
