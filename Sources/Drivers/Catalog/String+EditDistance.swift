extension String {
    /// Edit distance counting an insertion, a deletion, a substitution or a swap of two
    /// neighbouring characters as one edit (optimal string alignment): `gian` is one edit from
    /// `gain`, as a person typing it would count.
    func editDistance(to other: String) -> Int {
        let source = Array(self)
        let target = Array(other)
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        var beforePrevious = [Int](repeating: 0, count: target.count + 1)
        var previous = Array(0...target.count)
        var current = previous
        for i in 1...source.count {
            current[0] = i
            for j in 1...target.count {
                let cost = source[i - 1] == target[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j - 1] + cost, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous) = (previous, current)
        }
        return previous[target.count]
    }

    /// The candidate the writer most likely meant, for "did you mean" messages: one that differs
    /// only in case, `_` or `-` (`expireAfter` for `expire_after`), else the nearest within a
    /// third of the word's length (at least one edit), else one that begins with the word or that
    /// the word begins with (`expire` for `expire_after`, `fastest` for `fast`), from four letters
    /// on; `nil` when nothing is that close.
    public func closestMatch(in candidates: [String]) -> String? {
        let folded = Self.folded(self)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            if Self.folded(candidate) == folded { return candidate }
            let distance = editDistance(to: candidate)
            if distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        if let best, best.distance <= Swift.max(1, count / 3) {
            return best.candidate
        }
        guard folded.count >= 4 else { return nil }
        return candidates.first { candidate in
            let other = Self.folded(candidate)
            return other.count >= 4 && (other.hasPrefix(folded) || folded.hasPrefix(other))
        }
    }

    private static func folded(_ text: String) -> String {
        String(text.lowercased().filter { $0 != "_" && $0 != "-" })
    }
}
