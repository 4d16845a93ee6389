/// A field's calibration and filters in the order the configuration lists them; each step's
/// output is the next one's input.
public struct FilterChain: Sendable {
    private var filters: [any FieldFilter]

    public init(_ filters: [any FieldFilter]) {
        self.filters = filters
    }

    /// The sample after every step, or `nil` when a step held it back.
    public mutating func accept(_ sample: FieldSample) -> FieldSample? {
        pass(sample, from: 0)
    }

    /// What steps that act on time send now, each passed through the steps after it.
    public mutating func tick(at time: ContinuousClock.Instant) -> [FieldSample] {
        var sent: [FieldSample] = []
        for index in filters.indices {
            if let sample = filters[index].tick(at: time), let passed = pass(sample, from: index + 1) {
                sent.append(passed)
            }
        }
        return sent
    }

    /// The earliest time at which `tick` may send something.
    public var nextDeadline: ContinuousClock.Instant? {
        filters.compactMap(\.nextDeadline).min()
    }

    private mutating func pass(_ sample: FieldSample, from start: Int) -> FieldSample? {
        var current = sample
        for index in filters.indices.dropFirst(start) {
            guard let next = filters[index].accept(current) else { return nil }
            current = next
        }
        return current
    }
}
