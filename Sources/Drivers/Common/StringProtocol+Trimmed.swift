extension StringProtocol {
    /// The text without surrounding whitespace: sysfs attributes end in a newline, serial lines
    /// in CR LF.
    var trimmed: SubSequence {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
