/// Why a line pattern does not compile, in PCRE2's words: "missing closing parenthesis at
/// offset 9".
public struct LinePatternError: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    /// Where in the pattern PCRE2 stopped, in UTF-8 bytes from its start.
    public let offset: Int

    public var description: String {
        "\(message) at offset \(offset)"
    }
}
