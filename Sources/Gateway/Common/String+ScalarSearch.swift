// Plain searches, written out because the standard library's `contains(_: String)` and
// `replacing(_:with:)` come from _StringProcessing, which would link its regex engine into
// the gateway. Matching UTF-8 bytes is matching scalars: a scalar's encoding never starts
// inside another's.
extension String {
    /// Whether `target` occurs in the text, matched scalar by scalar; true for an empty target.
    func containsScalars(_ target: String) -> Bool {
        Self.firstOffset(of: Array(target.utf8), in: Array(utf8), from: 0) != nil
    }

    /// A copy with every occurrence of `target` replaced, matched scalar by scalar from left
    /// to right; unchanged for an empty target.
    ///
    /// A `String` search matches whole characters, so it would miss a `\` or a secret
    /// followed by a combining mark, and never sees the `\r` of a `\r\n`, which is one
    /// character.
    func replacingScalars(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8)
        let pattern = Array(target.utf8)
        guard !pattern.isEmpty else { return self }
        var result: [UInt8] = []
        var copied = 0
        while let match = Self.firstOffset(of: pattern, in: bytes, from: copied) {
            result += bytes[copied..<match]
            result += replacement.utf8
            copied = match + pattern.count
        }
        // Nothing matched: the text itself, not a copy.
        guard copied > 0 else { return self }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }

    private static func firstOffset(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        stride(from: start, through: bytes.count - pattern.count, by: 1).first { bytes[$0...].starts(with: pattern) }
    }
}
