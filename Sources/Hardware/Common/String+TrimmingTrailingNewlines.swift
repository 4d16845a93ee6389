extension String {
    /// The text without the line break sysfs puts after every attribute value.
    var trimmingTrailingNewlines: String {
        var text = Substring(self)
        while let last = text.last, last.isNewline {
            text = text.dropLast()
        }
        return String(text)
    }
}
