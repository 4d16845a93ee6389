/// IQ requests awaiting their answer. An answer matches on its id *and* on who sent it
/// (RFC 6120 §8.1.2.1): a result from anyone else with a guessed id is not an answer.
struct PendingRequests<Waiter> {
    private struct Entry {
        var expectedFrom: JID?
        var waiter: Waiter
    }

    private var entries: [String: Entry] = [:]
    private var nextNumber: UInt64 = 0

    var count: Int { entries.count }

    /// A fresh id for a request.
    mutating func makeID() -> String {
        nextNumber += 1
        return "q\(nextNumber)"
    }

    /// Registers a request sent to `to` (nil: our own account or server).
    mutating func register(id: String, to: JID?, waiter: Waiter) {
        entries[id] = Entry(expectedFrom: to, waiter: waiter)
    }

    /// The waiter for this result or error, removed; nil when it answers nothing we asked.
    /// `account` is our bare JID: a request without `to` is answered by our server, which
    /// may write no `from`, our bare JID, or its domain.
    mutating func take(answer: IQ, account: JID) -> Waiter? {
        guard answer.kind == .result || answer.kind == .error, let entry = entries[answer.id] else { return nil }
        let matches: Bool
        if let expected = entry.expectedFrom, expected != account.bare {
            matches = answer.from == expected
        } else {
            matches = answer.from == nil || answer.from == account.bare || answer.from?.description == account.domain
        }
        guard matches else { return nil }
        entries[answer.id] = nil
        return entry.waiter
    }

    /// The waiter for `id`, removed — when it timed out.
    mutating func take(id: String) -> Waiter? {
        entries.removeValue(forKey: id)?.waiter
    }

    /// All waiters, removed — when the stream is gone for good.
    mutating func takeAll() -> [Waiter] {
        defer { entries = [:] }
        return entries.values.map(\.waiter)
    }
}
