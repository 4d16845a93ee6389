/// The help texts: sections headed in capitals, each option's help in a column, lines
/// wrapped to fit 80 columns.
public enum CommandLineHelp {
    static let programName = "xmpp-iot-gateway"
    static let abstract = "Bridges sensors and actuators to XMPP."

    private static let screenWidth = 80
    /// Where the help of an option, argument or subcommand starts.
    private static let helpColumn = 26

    /// The help of a subcommand, or the overview of them all for nil.
    public static func text(for subcommand: Subcommand?) -> String {
        guard let subcommand else { return overview }
        var sections = [wrapped("OVERVIEW: \(subcommand.abstract)")]
        if let discussion = subcommand.discussion { sections.append(wrapped(discussion)) }
        sections.append(wrapped("USAGE: \(usage(of: subcommand))"))
        if let argument = subcommand.positionalArgument {
            sections.append("ARGUMENTS:\n" + entry("<\(argument.name)>", argument.help))
        }
        let options = subcommand.options.map { option in
            entry(option.synopsis, option.help + (option.defaultValue.map { " (default: \($0))" } ?? ""))
        }
        sections.append("OPTIONS:\n" + (options + builtInOptions).joined(separator: "\n"))
        return sections.joined(separator: "\n\n")
    }

    private static var overview: String {
        // `help` itself is not listed: the last line points to it.
        let subcommands = Subcommand.allCases.filter { $0 != .help }.map { subcommand in
            entry(subcommand == .defaultSubcommand ? "\(subcommand.name) (default)" : subcommand.name, subcommand.abstract)
        }
        return [
            wrapped("OVERVIEW: \(abstract)"),
            "USAGE: \(programName) <subcommand>",
            "OPTIONS:\n" + builtInOptions.joined(separator: "\n"),
            "SUBCOMMANDS:\n" + subcommands.joined(separator: "\n")
                + "\n\n  See '\(programName) help <subcommand>' for detailed help.",
        ].joined(separator: "\n\n")
    }

    /// The options every subcommand understands, handled before any other argument.
    private static var builtInOptions: [String] {
        [entry("--version", "Show the version."), entry("-h, --help", "Show help information.")]
    }

    private static func usage(of subcommand: Subcommand) -> String {
        let options = subcommand.options.map { option in
            switch option.kind {
            case let .value(placeholder): "[--\(option.longName) <\(placeholder)>]"
            case let .flag(negation): "[--\(option.longName)] [--\(negation)]"
            }
        }
        let argument = subcommand.positionalArgument.map { $0.isRequired ? "<\($0.name)>" : "[<\($0.name)>]" }
        return ([programName, subcommand.name] + options + [argument].compactMap { $0 }).joined(separator: " ")
    }

    /// A label indented by two spaces and its help in the help column, wrapped under itself;
    /// a label too wide for its column gets a line of its own.
    private static func entry(_ label: String, _ help: String) -> String {
        let indentedLabel = "  " + label
        let helpIndent = String(repeating: " ", count: helpColumn)
        var lines = wrappedLines(help, width: screenWidth - helpColumn).map { helpIndent + $0 }
        if indentedLabel.count < helpColumn - 1, let first = lines.first {
            lines[0] = indentedLabel + first.dropFirst(indentedLabel.count)
        } else {
            lines.insert(indentedLabel, at: 0)
        }
        return lines.joined(separator: "\n")
    }

    private static func wrapped(_ text: String) -> String {
        wrappedLines(text, width: screenWidth).joined(separator: "\n")
    }

    /// The words of `text` filled into lines shorter than `width`; a longer word gets a line
    /// of its own.
    private static func wrappedLines(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count < width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        return line.isEmpty ? lines : lines + [line]
    }
}
