/// The order in which to try the targets of SRV records (RFC 2782, "Usage rules"):
/// ascending priority; within one priority, a weighted random draw, so that over many
/// clients each target gets its weight's share of connections. Records of weight 0 are
/// placed first within their priority, as the RFC asks, so they are drawn rarely; among
/// themselves (or when all weights are 0) the order is random too.
enum SRVOrdering {
    static func ordered<Record>(
        _ records: [Record], priority: (Record) -> UInt16, weight: (Record) -> UInt16,
        using random: inout some RandomNumberGenerator
    ) -> [Record] {
        let byPriority = Dictionary(grouping: records, by: priority)
        var result: [Record] = []
        for level in byPriority.keys.sorted() {
            var remaining = (byPriority[level] ?? []).shuffled(using: &random)
            remaining.sort { weight($0) == 0 && weight($1) != 0 }
            while !remaining.isEmpty {
                let total = remaining.reduce(0) { $0 + Int(weight($1)) }
                let draw = Int.random(in: 0...total, using: &random)
                var running = 0
                let index = remaining.firstIndex { record in
                    running += Int(weight(record))
                    return running >= draw
                } ?? remaining.startIndex
                result.append(remaining.remove(at: index))
            }
        }
        return result
    }
}
