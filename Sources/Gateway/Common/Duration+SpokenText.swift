extension Duration {
    /// A time left or elapsed as people say it, rounded up: `45 s`, `2 min`, `1 h 5 min`.
    var spokenText: String {
        let seconds = Int((self / .seconds(1)).rounded(.up))
        if seconds < 60 {
            return "\(max(seconds, 0)) s"
        }
        let minutes = (seconds + 59) / 60
        if minutes < 60 {
            return "\(minutes) min"
        }
        let rest = minutes % 60
        return rest == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(rest) min"
    }
}
