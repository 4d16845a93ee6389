/// How much history one device keeps: readings older than `maximumAge` and all but the newest
/// `maximumRows` are removed by `HistoryStore.prune(now:)`. Both bounds apply to unpublished
/// readings too — on a gateway offline for longer than the bounds, the disk limit wins over
/// forwarding the oldest readings.
public struct HistoryRetention: Sendable, Hashable {
    /// `nil`: no age limit.
    public var maximumAge: Duration?
    /// `nil`: no row limit.
    public var maximumRows: Int?

    public init(maximumAge: Duration? = .seconds(30 * 86_400), maximumRows: Int? = 100_000) {
        self.maximumAge = maximumAge
        self.maximumRows = maximumRows
    }
}

/// The retention of every device: its own when configured, otherwise the standard one.
public struct HistoryRetentionPolicy: Sendable, Hashable {
    public var standard: HistoryRetention
    public var devices: [String: HistoryRetention]

    public init(standard: HistoryRetention = HistoryRetention(), devices: [String: HistoryRetention] = [:]) {
        self.standard = standard
        self.devices = devices
    }

    public func retention(for device: String) -> HistoryRetention {
        devices[device] ?? standard
    }
}
