extension Int {
    /// A count with its noun: `1 device`, `3 devices`, `0 thermostats`. The nouns the
    /// gateway counts all take a plain `s`.
    public func counted(_ noun: String) -> String {
        "\(self) \(noun)\(self == 1 ? "" : "s")"
    }
}
