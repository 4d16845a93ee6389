/// A command line the gateway does not understand. Its description is the line to print on
/// standard error, with a pointer to the help that would have avoided it.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, such as `unknown option '--confg'`.
    public let message: String
    /// The subcommand whose help to point to; nil for the overview.
    public let subcommand: Subcommand?

    /// The exit status for a usage error: EX_USAGE from sysexits.h.
    public static let exitStatus: Int32 = 64

    public var description: String {
        let help = [CommandLineHelp.programName, subcommand?.name, "--help"].compactMap { $0 }.joined(separator: " ")
        return "error: \(message); see '\(help)'"
    }
}
