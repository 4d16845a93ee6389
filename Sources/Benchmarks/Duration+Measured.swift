extension Duration {
    /// The duration as a number of seconds, for the suites' arithmetic and tables.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    var inMilliseconds: Double {
        inSeconds * 1000
    }
}
