/// Turns the gateway's arguments (without the program name) into a command. The subcommand
/// comes first, `run` when there is none; its options may come anywhere after it, as
/// `-c value`, `--config value` or `--config=value`, and `--` ends them. A help flag or
/// `--version` anywhere wins over everything else.
public enum CommandLineParser {
    public static func parse(_ arguments: [String]) throws(UsageError) -> GatewayCommand {
        var remaining = arguments[...]
        let subcommand = remaining.first.flatMap(Subcommand.init(rawValue:))
        if subcommand != nil { remaining.removeFirst() }
        let options = remaining.prefix { $0 != ParsedArguments.endOfOptions }
        if options.contains(where: { $0 == "-h" || $0 == "--help" }) { return .help(subcommand) }
        if options.contains("--version") { return .version }
        if subcommand == nil, let first = remaining.first, !ParsedArguments.isOption(first) {
            throw UsageError(message: "unknown subcommand '\(first)'", subcommand: nil)
        }
        return try command(subcommand ?? Subcommand.defaultSubcommand, remaining)
    }

    private static func command(_ subcommand: Subcommand, _ arguments: ArraySlice<String>) throws(UsageError) -> GatewayCommand {
        let parsed = try ParsedArguments(arguments, for: subcommand)
        let configuration = ConfigurationOptions(
            config: parsed.values[.config] ?? ConfigurationOptions.defaultConfig, catalog: parsed.values[.catalog]
        )
        switch subcommand {
        case .run: return .run(configuration)
        case .checkConfig: return .checkConfig(configuration)
        case .discover: return .discover(probe: parsed.flags[.probe] ?? true)
        case .read: return .read(device: try parsed.requiredPositional(), configuration)
        case .demo: return .demo(configuration)
        case .version: return .version
        case .help:
            guard let name = parsed.positional else { return .help(nil) }
            guard let described = Subcommand(rawValue: name) else {
                throw UsageError(message: "unknown subcommand '\(name)'", subcommand: nil)
            }
            return .help(described)
        }
    }
}
