/// The live publications of a ``ReadingPublisher``: per device, the newest state waiting to
/// go out, with the stored readings it carries (their history ids).
///
/// While publications go out, a newer state of a device replaces the waiting one and takes
/// over its readings: they count as published with it (coalescing, so a burst does not
/// flood the server). While they do not — before the first went out, and from a lost link
/// or a failed publication until the next goes out — the replaced state's readings are
/// released instead: they stay unpublished in the history, and the backlog drain publishes
/// each with its own time. Readings taken while the link is down are not swallowed by the
/// state after them.
struct PublicationQueue<Publication: Sendable>: Sendable {
    struct Entry: Sendable {
        var device: String
        var publication: Publication
        var historyIDs: [Int64]
    }

    private var waiting: [String: Entry] = [:]
    private var order: [String] = []
    /// History ids of the readings that waiting and in-flight publications carry.
    private(set) var claimed: Set<Int64> = []
    /// No publication has gone out since the start, the link was lost, or one failed.
    private(set) var isStalled = true

    /// Queues `device`'s newest state. Returns the history ids released to the backlog.
    mutating func enqueue(device: String, _ publication: Publication, historyIDs: [Int64]) -> [Int64] {
        var ids = historyIDs
        var released: [Int64] = []
        if let replaced = waiting[device] {
            if isStalled {
                released = replaced.historyIDs
                claimed.subtract(released)
            } else {
                ids = replaced.historyIDs + ids
            }
        } else {
            order.append(device)
        }
        claimed.formUnion(historyIDs)
        waiting[device] = Entry(device: device, publication: publication, historyIDs: ids)
        return released
    }

    /// The next publication to send, oldest device first; its readings stay claimed until
    /// ``published(_:)`` or ``failed(_:)``.
    mutating func next() -> Entry? {
        while !order.isEmpty {
            let device = order.removeFirst()
            if let entry = waiting.removeValue(forKey: device) { return entry }
        }
        return nil
    }

    /// The session went offline. A publication it still holds does not fail until the link
    /// is back, so this is what tells the queue to stop coalescing.
    mutating func linkLost() {
        isStalled = true
    }

    /// The server took `entry`: its readings are published.
    mutating func published(_ entry: Entry) {
        isStalled = false
        claimed.subtract(entry.historyIDs)
    }

    /// `entry` did not go out. It waits again, unless a newer state of its device came
    /// meanwhile: then its readings are released, and their ids returned.
    mutating func failed(_ entry: Entry) -> [Int64] {
        isStalled = true
        guard waiting[entry.device] == nil else {
            claimed.subtract(entry.historyIDs)
            return entry.historyIDs
        }
        waiting[entry.device] = entry
        order.append(entry.device)
        return []
    }
}
