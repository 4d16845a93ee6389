/// At most `count` publications in any `interval`, so that a backlog replayed after an outage
/// stays under the server's rate limits (Prosody's `limits`, ejabberd's shapers).
public struct PublishRate: Sendable, Hashable {
    public var count: Int
    public var interval: Duration

    public init(count: Int, per interval: Duration = .seconds(1)) {
        self.count = max(count, 1)
        self.interval = interval
    }
}
