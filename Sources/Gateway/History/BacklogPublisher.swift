/// Store and forward: publishes the readings the history holds unpublished — taken while the
/// server was unreachable — oldest first, each with its original time (the publish function
/// sends it as an XEP-0203 delay), no faster than `rate`.
///
/// Each page of published readings is marked in one transaction. A crash between publishing
/// and marking publishes those readings again on the next drain: delivery is at least once,
/// never lost. Run one drain at a time: two would publish the same readings, and the rate
/// is counted within one drain.
public struct BacklogPublisher<C: Clock>: Sendable where C.Duration == Duration {
    public var store: HistoryStore
    public var rate: PublishRate
    public var clock: C
    /// Readings fetched and marked at a time.
    public var pageSize: Int

    public init(store: HistoryStore, rate: PublishRate, clock: C, pageSize: Int = 50) {
        self.store = store
        self.rate = rate
        self.clock = clock
        self.pageSize = max(pageSize, 1)
    }

    /// Publishes, oldest first, what is unpublished, stopping at the first failure of
    /// `publish`. Readings `isClaimed` (a live publication carries them) are left alone: not
    /// published, not marked, and not counted against the rate.
    public func drain(
        leavingAlone isClaimed: (StoredReading) async -> Bool = { _ in false },
        publish: (StoredReading) async throws -> Void
    ) async -> BacklogDrain {
        // When the latest `rate.count` publications started; the next waits until the oldest
        // of them is `rate.interval` old.
        var recent: [C.Instant] = []
        var published = 0
        // The last reading looked at: the next page starts after it, past claimed readings.
        var cursor: StoredReading?
        while true {
            let page: [StoredReading]
            do {
                page = try await store.unpublished(after: cursor, limit: pageSize)
            } catch {
                return .stopped(published: published, reason: error.description)
            }
            guard let last = page.last else { return .finished(published: published) }
            cursor = last
            var done: [Int64] = []
            var failure: String?
            for stored in page where await !isClaimed(stored) {
                do {
                    if recent.count == rate.count {
                        try await clock.sleep(until: recent.removeFirst().advanced(by: rate.interval), tolerance: nil)
                    }
                    recent.append(clock.now)
                    try await publish(stored)
                    done.append(stored.id)
                } catch {
                    failure = "\(error)"
                    break
                }
            }
            do {
                try await store.markPublished(done)
            } catch {
                return .stopped(published: published, reason: error.description)
            }
            published += done.count
            if let failure {
                return .stopped(published: published, reason: failure)
            }
        }
    }
}
