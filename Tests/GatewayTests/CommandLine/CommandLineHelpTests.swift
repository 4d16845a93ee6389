import Testing
@testable import Gateway

/// The overview and each subcommand's help.
struct CommandLineHelpTests {
    /// Whether the words of `text` appear in `help` in a row, whatever the line breaks.
    static func help(_ help: String, says text: String) -> Bool {
        let helpWords = help.split(whereSeparator: \.isWhitespace)
        let words = text.split(whereSeparator: \.isWhitespace)
        guard helpWords.count >= words.count else { return false }
        return (0...(helpWords.count - words.count)).contains { start in
            helpWords[start..<(start + words.count)].elementsEqual(words)
        }
    }

    @Test func overviewListsEverySubcommandWithItsAbstract() {
        let overview = CommandLineHelp.text(for: nil)
        #expect(overview.hasPrefix("OVERVIEW: Bridges sensors and actuators to XMPP.\n\nUSAGE: xmpp-iot-gateway <subcommand>\n"))
        for subcommand in Subcommand.allCases where subcommand != .help {
            #expect(Self.help(overview, says: subcommand.abstract), "\(subcommand)")
        }
        #expect(overview.split(separator: "\n").contains("  run (default)           Run the gateway (what the systemd service starts)."))
        #expect(Self.help(overview, says: "See 'xmpp-iot-gateway help <subcommand>' for detailed help."))
    }

    @Test func subcommandHelpHasUsageDiscussionAndOptions() {
        for subcommand in Subcommand.allCases {
            let help = CommandLineHelp.text(for: subcommand)
            #expect(Self.help(help, says: "OVERVIEW: " + subcommand.abstract), "\(subcommand)")
            if let discussion = subcommand.discussion { #expect(Self.help(help, says: discussion), "\(subcommand)") }
            #expect(Self.help(help, says: "USAGE: xmpp-iot-gateway \(subcommand.name)"), "\(subcommand)")
            #expect(Self.help(help, says: "-h, --help Show help information."), "\(subcommand)")
        }
        #expect(Self.help(CommandLineHelp.text(for: .discover), says: "--probe/--no-probe Probe each I2C address for a device. (default: --probe)"))
        #expect(Self.help(CommandLineHelp.text(for: .help), says: "USAGE: xmpp-iot-gateway help [<subcommand>]"))
    }

    /// The layout: options in a column, lines within 80 columns.
    @Test func readHelpLayout() {
        #expect(CommandLineHelp.text(for: .read) == """
            OVERVIEW: Take one reading of a configured device and print it, without XMPP.

            USAGE: xmpp-iot-gateway read [--config <config>] [--catalog <catalog>] <device>

            ARGUMENTS:
              <device>                The device's id in the configuration.

            OPTIONS:
              -c, --config <config>   The gateway configuration. (default:
                                      /etc/xmpp-iot-gateway/gateway.yaml)
              --catalog <catalog>     The device catalog (Devices/); by default the
                                      installed one, else ./Devices.
              --version               Show the version.
              -h, --help              Show help information.
            """)
    }

    @Test func linesFitInEightyColumns() {
        for subcommand in Subcommand.allCases.map(Optional.some) + [nil] {
            for line in CommandLineHelp.text(for: subcommand).split(separator: "\n") {
                #expect(line.count < 80, "\(line)")
            }
        }
    }
}
