extension String {
    /// A copy with every occurrence of `target` replaced, matched scalar by scalar.
    ///
    /// `replacing(_:with:)` on a `String` matches whole characters, so it would miss a `\`
    /// or a secret followed by a combining mark, and never sees the `\r` of a `\r\n`, which
    /// is one character.
    func replacingScalars(_ target: String, with replacement: String) -> String {
        String(unicodeScalars.replacing(target.unicodeScalars, with: replacement.unicodeScalars))
    }
}
