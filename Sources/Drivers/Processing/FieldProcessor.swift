/// One field's processing in motion: refuses invalid raw values, runs calibration and filters,
/// and knows whether the field's value is current or stale.
///
/// Every method takes the time explicitly; nothing here reads a clock. Staleness counts from
/// the last *valid* sample, not the last published one: a delta filter holding back an
/// unchanged value must not make a live sensor look stale, and a stream of refused garbage
/// must not make a dead one look live.
public struct FieldProcessor: Sendable {
    public let processing: FieldProcessing
    private var chain: FilterChain
    public private(set) var lastPublished: FieldSample?
    public private(set) var lastValidAt: ContinuousClock.Instant?
    /// Samples refused since creation (not finite, out of range, out of order).
    public private(set) var refusedCount = 0

    public init(processing: FieldProcessing) {
        self.processing = processing
        chain = FilterChain(processing.filters.map { $0.makeFilter() })
    }

    /// Processes one raw value measured at `time`.
    public mutating func accept(_ value: Double, at time: ContinuousClock.Instant) -> ProcessingOutcome {
        if let refusal = refusal(of: value, at: time) {
            refusedCount += 1
            return .refused(refusal)
        }
        lastValidAt = time
        guard let sample = chain.accept(FieldSample(value: value, time: time)) else { return .held }
        lastPublished = sample
        return .published(sample)
    }

    /// What time-driven filters (the heartbeat) send at `time`.
    public mutating func tick(at time: ContinuousClock.Instant) -> [FieldSample] {
        let sent = chain.tick(at: time)
        if let last = sent.last {
            lastPublished = last
        }
        return sent
    }

    /// When `tick` should next be called; `nil` when no filter acts on time.
    public var nextDeadline: ContinuousClock.Instant? {
        chain.nextDeadline
    }

    /// The value to show at `now`: stale when the last valid sample is older than `expireAfter`.
    public func freshness(at now: ContinuousClock.Instant) -> FieldFreshness {
        guard let lastPublished, let lastValidAt else { return .missing }
        let age = now - lastValidAt
        if let expireAfter = processing.expireAfter, age > expireAfter {
            return .stale(lastPublished, age: age)
        }
        return .current(lastPublished)
    }

    private func refusal(of value: Double, at time: ContinuousClock.Instant) -> SampleRefusal? {
        guard value.isFinite else { return .notFinite }
        if let lastValidAt, time < lastValidAt {
            return .outOfOrder
        }
        if let limit = processing.validRange, !limit.contains(value) {
            return .outOfRange(value: value, limit: limit)
        }
        return nil
    }
}
