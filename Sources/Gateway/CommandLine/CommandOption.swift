/// An option a subcommand accepts: what the parser matches and the help text describes.
struct CommandOption: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Takes a value, as `--name value` or `--name=value` (or `-x value` with a short name).
        case value(placeholder: String)
        /// A boolean switched on by `--name` and off by `--<negation>`.
        case flag(negation: String)
    }

    let shortName: Character?
    let longName: String
    let kind: Kind
    let help: String
    /// The default shown in the help, if any.
    let defaultValue: String?

    static let config = CommandOption(
        shortName: "c", longName: "config", kind: .value(placeholder: "config"),
        help: "The gateway configuration.", defaultValue: ConfigurationOptions.defaultConfig
    )
    static let catalog = CommandOption(
        shortName: nil, longName: "catalog", kind: .value(placeholder: "catalog"),
        help: "The device catalog (Devices/); by default the installed one, else ./Devices.", defaultValue: nil
    )
    static let probe = CommandOption(
        shortName: nil, longName: "probe", kind: .flag(negation: "no-probe"),
        help: "Probe each I2C address for a device.", defaultValue: "--probe"
    )

    /// Every way to write it on the command line.
    var spellings: [String] {
        var names = ["--\(longName)"]
        if let shortName { names.append("-\(shortName)") }
        if case let .flag(negation) = kind { names.append("--\(negation)") }
        return names
    }

    /// The spellings shown in the help, such as `-c, --config <config>` or `--probe/--no-probe`.
    var synopsis: String {
        switch kind {
        case let .value(placeholder):
            (shortName.map { "-\($0), " } ?? "") + "--\(longName) <\(placeholder)>"
        case let .flag(negation):
            "--\(longName)/--\(negation)"
        }
    }
}
