import Testing
@testable import XMPPClient

@Suite struct SRVOrderingTests {
    private func order(_ records: [SRVRecord], seed: UInt64) -> [String] {
        var random = SeededGenerator(seed: seed)
        return SRVOrdering.ordered(records, priority: \.priority, weight: \.weight, using: &random).map(\.target)
    }

    private func record(_ target: String, priority: UInt16, weight: UInt16) -> SRVRecord {
        SRVRecord(priority: priority, weight: weight, port: 5222, target: target)
    }

    @Test func triesLowerPrioritiesFirstAndKeepsEveryRecord() {
        let records = [record("c", priority: 20, weight: 1), record("a", priority: 0, weight: 0),
                       record("b1", priority: 10, weight: 5), record("b2", priority: 10, weight: 5)]
        for seed in 0..<50 as Range<UInt64> {
            let ordered = order(records, seed: seed)
            #expect(ordered.first == "a" && ordered.last == "c")
            #expect(Set(ordered[1...2]) == ["b1", "b2"])
        }
    }

    /// RFC 2782: within a priority, each target comes first in proportion to its weight.
    @Test func picksTargetsInProportionToTheirWeights() {
        let records = [record("light", priority: 1, weight: 10), record("heavy", priority: 1, weight: 30),
                       record("zero", priority: 1, weight: 0)]
        var firsts: [String: Int] = [:]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<10_000 {
            firsts[SRVOrdering.ordered(records, priority: \.priority, weight: \.weight, using: &random)[0].target, default: 0] += 1
        }
        // Draws 0...40: "zero" only on 0 (1/41), "light" on 1...10, "heavy" on 11...40.
        #expect((7_100...7_500).contains(firsts["heavy", default: 0]), "\(firsts)")
        #expect((2_250...2_650).contains(firsts["light", default: 0]), "\(firsts)")
        #expect((100...400).contains(firsts["zero", default: 0]), "\(firsts)")
    }

    @Test func ordersRecordsOfWeightZeroByChanceOnly() {
        let records = [record("x", priority: 1, weight: 0), record("y", priority: 1, weight: 0)]
        let outcomes = Set((0..<40 as Range<UInt64>).map { order(records, seed: $0) })
        #expect(outcomes == [["x", "y"], ["y", "x"]])
    }
}
