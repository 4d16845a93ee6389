import Synchronization

/// Readouts waiting for their `when`, by requester and sequence number, so a `<cancel>`
/// can stop them.
final class QueuedReadouts: Sendable {
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])

    func add(_ key: String, _ task: Task<Void, Never>) {
        tasks.withLock { $0[key] = task }
    }

    func finished(_ key: String) {
        _ = tasks.withLock { $0.removeValue(forKey: key) }
    }

    /// Cancels the readout; false when none was waiting under `key`.
    func cancel(_ key: String) -> Bool {
        guard let task = tasks.withLock({ $0.removeValue(forKey: key) }) else { return false }
        task.cancel()
        return true
    }
}
