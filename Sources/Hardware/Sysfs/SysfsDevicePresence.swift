import Dispatch

/// Which devices of a sysfs bus directory are present, and what changed between two looks.
///
/// Presence is polled, not learnt from uevents: a test's directory tree emits none, and a
/// 1-Wire master notices sensors only at its periodic search (every 10 s by default)
/// anyway. A poll every few seconds costs one `readdir`.
struct SysfsDevicePresence {
    private(set) var present: Set<String> = []

    /// Records the devices present now; returns what appeared and disappeared, in name order.
    mutating func update(_ current: Set<String>) -> [SysfsDeviceChange] {
        let appeared = current.subtracting(present).sorted().map(SysfsDeviceChange.appeared)
        let disappeared = present.subtracting(current).sorted().map(SysfsDeviceChange.disappeared)
        present = current
        return disappeared + appeared
    }

    /// Lists the devices every `interval` on `clock` and reports the changes, starting with
    /// every device present at the first look. Ends when the consumer stops iterating.
    static func changes(
        every interval: Duration,
        clock: any Clock<Duration>,
        listing: @escaping @Sendable () -> Set<String>
    ) -> AsyncStream<SysfsDeviceChange> {
        let (changes, continuation) = AsyncStream<SysfsDeviceChange>.makeStream()
        let polling = Task {
            var presence = SysfsDevicePresence()
            while !Task.isCancelled {
                let current = await DispatchQueue.sysfs.blockingCall { listing() }
                for change in presence.update(current) {
                    continuation.yield(change)
                }
                do {
                    try await clock.sleep(for: interval)
                } catch {
                    break
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in polling.cancel() }
        return changes
    }
}
