import CPCRE2

/// A compiled regular expression in PCRE2 (Perl-compatible) syntax that a whole line must
/// match, and whose named groups `(?<name>…)` give the line's values.
///
/// `Sendable` although it holds C pointers: the compiled pattern and the match context are
/// written only here in `init` and read-only afterwards, which PCRE2 documents as safe to
/// share between threads; the match data, the one block a match writes, is created per call.
/// (No JIT: it would write into the compiled pattern, and the service runs with
/// MemoryDenyWriteExecute; lines are short.)
public final class LinePattern: @unchecked Sendable, Hashable {
    /// Backtracking steps one match may take. A line pattern needs at most a few thousand; a
    /// pathological one (`(a|aa)+` on a line of garbage) gives up after a few milliseconds
    /// instead of the quarter of a second per line that PCRE2's default of ten million takes.
    static let matchLimit: UInt32 = 100_000
    /// PCRE2_UNSET, the offset of a group that did not take part in a match: `~(size_t)0`, a
    /// macro with a cast, which Swift does not import (`size_t` comes to Swift as `Int`).
    private static let unset: Int = ~0

    /// The pattern as written.
    public let source: String
    private let code: OpaquePointer
    private let matchContext: OpaquePointer
    /// Group names with their numbers, from PCRE2's name table.
    private let namedGroups: [(name: String, number: Int)]

    public init(_ source: String) throws(LinePatternError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let options = PCRE2_UTF | PCRE2_ANCHORED | PCRE2_ENDANCHORED
        var text = source
        let compiled = text.withUTF8 { pattern in
            pcre2_compile_8(pattern.baseAddress, pattern.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw LinePatternError(message: Self.errorMessage(errorCode), offset: errorOffset)
        }
        // Fails only when malloc does, where Swift's own allocations trap as well.
        guard let matchContext = pcre2_match_context_create_8(nil) else { fatalError("out of memory") }
        pcre2_set_match_limit_8(matchContext, Self.matchLimit)
        self.source = source
        code = compiled
        self.matchContext = matchContext
        namedGroups = Self.readNameTable(of: compiled)
    }

    deinit {
        pcre2_match_context_free_8(matchContext)
        pcre2_code_free_8(code)
    }

    public func hasGroup(named name: String) -> Bool {
        namedGroups.contains { $0.name == name }
    }

    /// The text of each named group when the whole line matches, `nil` when it does not (or
    /// when matching gave up at the match limit). A group that did not take part in the match,
    /// such as an optional one, has no entry.
    public func namedGroups(matching line: String) -> [String: String]? {
        // Fails only when malloc does: the line is then not read, like one that does not match.
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return nil }
        defer { pcre2_match_data_free_8(matchData) }
        var line = line
        return line.withUTF8 { subject -> [String: String]? in
            guard pcre2_match_8(code, subject.baseAddress, subject.count, 0, 0, matchData, matchContext) > 0,
                  let offsets = pcre2_get_ovector_pointer_8(matchData)
            else { return nil }
            var groups: [String: String] = [:]
            for (name, number) in namedGroups where groups[name] == nil {
                let start = offsets[2 * number], end = offsets[2 * number + 1]
                guard start != Self.unset else { continue }
                groups[name] = String(decoding: UnsafeBufferPointer(rebasing: subject[start..<end]), as: UTF8.self)
            }
            return groups
        }
    }

    public static func == (lhs: LinePattern, rhs: LinePattern) -> Bool {
        lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }

    private static func errorMessage(_ errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer.prefix(Int(length)), as: UTF8.self) : "error \(errorCode)"
    }

    /// Reads the name table: entries of equal size, each the group number in two big-endian
    /// bytes followed by the name and a NUL.
    private static func readNameTable(of code: OpaquePointer) -> [(name: String, number: Int)] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [] }
        return (0..<Int(count)).map { index in
            let entry = table + index * Int(entrySize)
            return (name: String(cString: entry + 2), number: Int(entry[0]) << 8 | Int(entry[1]))
        }
    }
}
