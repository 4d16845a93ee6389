/// What the `session` suite measures of one client library.
struct SessionFigures {
    /// Connect, TLS, SCRAM (PBKDF2 included: no key cache carried over) and bind, one by one.
    var loginMilliseconds: [Double] = []
    /// Request to result between two sessions through the server, after a warm-up.
    var iqMicroseconds: [Double] = []
    var messageCount = 0
    /// From the first message sent to the last one received.
    var messageSeconds = 0.0
    /// CPU of the whole client process (sender and receiver) over that time.
    var messageCPUSeconds = 0.0
    var idleSessions = 0
    var rssBeforeKiB = 0.0
    var rssAfterKiB = 0.0

    var kibPerSession: Double { (rssAfterKiB - rssBeforeKiB) / Double(max(1, idleSessions)) }
    var messagesPerSecond: Double { Double(messageCount) / messageSeconds }
    var messagesPerCPUSecond: Double { Double(messageCount) / messageCPUSeconds }

    /// The value at quantile `q` of the sorted samples (nearest rank).
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))]
    }
}
