import XMPPClient

/// Where the benchmark client's incoming stanzas meet the phases waiting for them: PEP
/// notifications by item id (device id) and relay state, and XEP-0323 readouts by seqnr.
///
/// Answers that come before anyone waits for them are kept: a notification once expected
/// (registered before the set is sent), a readout's end always (its seqnr is unique).
actor IoTBenchInbox {
    typealias Instant = ContinuousClock.Instant

    private struct NotificationWait {
        let state: Bool
        var continuation: CheckedContinuation<Instant?, Never>?
        var arrivedAt: Instant?
    }

    private var notificationWaits: [String: NotificationWait] = [:]
    private var readoutWaits: [String: CheckedContinuation<Bool, Never>] = [:]
    private var finishedReadouts: [String: Bool] = [:]
    /// PEP items received: each is one reading the gateway published.
    private(set) var notificationCount = 0

    // MARK: PEP notifications

    func expectNotification(item: String, state: Bool) {
        notificationWaits[item] = NotificationWait(state: state)
    }

    /// When the expected notification arrived; nil when `expireNotification` came first.
    func notificationArrival(item: String) async -> Instant? {
        if let arrived = notificationWaits[item]?.arrivedAt {
            notificationWaits[item] = nil
            return arrived
        }
        return await withCheckedContinuation { continuation in
            if notificationWaits[item] == nil {
                continuation.resume(returning: nil)  // expired already
            } else {
                notificationWaits[item]?.continuation = continuation
            }
        }
    }

    func expireNotification(item: String) {
        notificationWaits.removeValue(forKey: item)?.continuation?.resume(returning: nil)
    }

    func received(item: String, state: Bool?, at time: Instant) {
        notificationCount += 1
        guard var wait = notificationWaits[item], wait.state == state, wait.arrivedAt == nil else { return }
        if let continuation = wait.continuation {
            notificationWaits[item] = nil
            continuation.resume(returning: time)
        } else {
            wait.arrivedAt = time
            notificationWaits[item] = wait
        }
    }

    // MARK: XEP-0323 readouts

    /// True when the readout ended with `<fields done='true'>`, false on a failure.
    func readoutEnd(seqnr: String) async -> Bool {
        if let succeeded = finishedReadouts.removeValue(forKey: seqnr) { return succeeded }
        return await withCheckedContinuation { readoutWaits[seqnr] = $0 }
    }

    func readoutFinished(seqnr: String, succeeded: Bool) {
        if let continuation = readoutWaits.removeValue(forKey: seqnr) {
            continuation.resume(returning: succeeded)
        } else {
            finishedReadouts[seqnr] = succeeded
        }
    }

}
