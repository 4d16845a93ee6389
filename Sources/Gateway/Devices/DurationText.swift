/// Durations as people read them in a status line: `45 s`, `3 min`, `2 h`.
enum DurationText {
    static func short(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        switch seconds {
        case ..<120: return "\(seconds) s"
        case ..<7200: return "\(seconds / 60) min"
        default: return "\(seconds / 3600) h"
        }
    }
}
