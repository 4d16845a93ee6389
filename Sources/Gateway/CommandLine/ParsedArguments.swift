/// A subcommand's arguments sorted into option values, flags and its positional argument,
/// checked against what the subcommand accepts.
struct ParsedArguments {
    static let endOfOptions = "--"

    private(set) var values: [CommandOption: String] = [:]
    private(set) var flags: [CommandOption: Bool] = [:]
    private(set) var positional: String?
    private let subcommand: Subcommand

    /// Whether an argument is meant as an option; a lone `-` is a value (often standard input).
    static func isOption(_ argument: String) -> Bool {
        argument.hasPrefix("-") && argument != "-"
    }

    init(_ arguments: ArraySlice<String>, for subcommand: Subcommand) throws(UsageError) {
        self.subcommand = subcommand
        var remaining = arguments
        while let argument = remaining.popFirst() {
            if argument == Self.endOfOptions {
                for positional in remaining { try add(positional: positional) }
                break
            }
            if Self.isOption(argument) {
                try add(option: argument, takingValueFrom: &remaining)
            } else {
                try add(positional: argument)
            }
        }
    }

    /// The positional argument of a subcommand that cannot do without it.
    func requiredPositional() throws(UsageError) -> String {
        guard let positional else {
            throw usageError("missing argument '<\(subcommand.positionalArgument?.name ?? "")>'")
        }
        return positional
    }

    private mutating func add(option argument: String, takingValueFrom remaining: inout ArraySlice<String>) throws(UsageError) {
        // Only long options carry their value after "=": "-c=x" would be ambiguous.
        let equals = argument.hasPrefix("--") ? argument.firstIndex(of: "=") : nil
        let name = equals.map { String(argument[..<$0]) } ?? argument
        let attachedValue = equals.map { String(argument[argument.index(after: $0)...]) }
        guard let option = subcommand.options.first(where: { $0.spellings.contains(name) }) else {
            throw usageError("unknown option '\(name)'")
        }
        switch option.kind {
        case .value:
            if let attachedValue {
                values[option] = attachedValue
            } else if let next = remaining.first, !Self.isOption(next) {
                values[option] = next
                remaining.removeFirst()
            } else {
                throw usageError("missing value for option '\(name)'")
            }
        case let .flag(negation):
            guard attachedValue == nil else { throw usageError("option '\(name)' takes no value") }
            flags[option] = name != "--\(negation)"
        }
    }

    private mutating func add(positional argument: String) throws(UsageError) {
        guard subcommand.positionalArgument != nil, positional == nil else {
            throw usageError("unexpected argument '\(argument)'")
        }
        positional = argument
    }

    private func usageError(_ message: String) -> UsageError {
        UsageError(message: message, subcommand: subcommand)
    }
}
