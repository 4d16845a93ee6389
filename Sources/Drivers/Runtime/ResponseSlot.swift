import Synchronization

/// Callers waiting for a driver's next frame, each with a deadline on the driver's clock.
///
/// The reader offers every decoded frame; the longest-waiting caller takes it, and an offer
/// nobody waits for is returned to the reader (which makes it an event). A caller whose
/// deadline passes gets `.timeout`, so a silent device never hangs a sampling round.
///
/// A caller that sends a request announces the answer with `expect()` before sending: an
/// answer that arrives before the caller is back to wait for it is then kept for it rather
/// than turned into an event.
final class ResponseSlot<Value: Sendable>: Sendable {
    private struct Waiter {
        var id: Int
        var continuation: CheckedContinuation<Result<Value, DeviceDriverError>, Never>
        var deadline: Task<Void, Never>?
    }

    private struct State {
        var nextID = 0
        var waiters: [Waiter] = []
        /// Answers announced by `expect()` and not yet arrived.
        var expected = 0
        /// Answers that arrived before their caller waited.
        var early: [Result<Value, DeviceDriverError>] = []
        /// Set once the device is gone or the driver stopped: later waits fail at once.
        var ended: DeviceDriverError?
    }

    private let state = Mutex(State())

    /// Whether a caller is waiting.
    var isAwaited: Bool {
        state.withLock { !$0.waiters.isEmpty }
    }

    /// Announces that the caller is about to send a request and will wait for its answer.
    func expect() {
        state.withLock { $0.expected += 1 }
    }

    /// Withdraws an announcement whose request could not be sent.
    func withdrawExpectation() {
        state.withLock { $0.expected = max(0, $0.expected - 1) }
    }

    /// Waits for the next offer, at most `timeout` on `clock`. `expected`: the caller
    /// announced its answer with `expect()`.
    func next(timeout: Duration, clock: any Clock<Duration>, expected: Bool = false) async -> Result<Value, DeviceDriverError> {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        let result = await wait(id: id, timeout: timeout, clock: clock)
        if expected, case .failure = result {
            // The answer never came in time; a late one must not be kept for the next caller.
            state.withLock { state in
                if state.early.isEmpty {
                    state.expected = max(0, state.expected - 1)
                } else {
                    state.early.removeFirst()
                }
            }
        }
        return result
    }

    private func wait(id: Int, timeout: Duration, clock: any Clock<Duration>) async -> Result<Value, DeviceDriverError> {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // An answer that came early, or the end, answers at once; checked under the
                // same lock that registers the waiter, so no offer can slip in between.
                let immediate = state.withLock { state -> Result<Value, DeviceDriverError>? in
                    if !state.early.isEmpty { return state.early.removeFirst() }
                    if let ended = state.ended { return .failure(ended) }
                    state.waiters.append(Waiter(id: id, continuation: continuation, deadline: nil))
                    return nil
                }
                if let immediate {
                    continuation.resume(returning: immediate)
                    return
                }
                let deadline = Task {
                    do {
                        try await clock.sleep(for: timeout)
                    } catch {
                        return  // Answered (or cancelled) before the deadline.
                    }
                    self.resolve(id: id, with: .failure(.timeout(timeout)))
                }
                state.withLock { state in
                    if let index = state.waiters.firstIndex(where: { $0.id == id }) {
                        state.waiters[index].deadline = deadline
                    } else {
                        deadline.cancel()
                    }
                }
            }
        } onCancel: {
            // A cancelled sampling round stops waiting at once, as if its deadline had come.
            resolve(id: id, with: .failure(.timeout(.zero)))
        }
    }

    /// Gives `result` to the longest-waiting caller, or keeps it for a caller that announced
    /// it; `false` when nobody waits for it.
    func offer(_ result: Result<Value, DeviceDriverError>) -> Bool {
        let waiter = state.withLock { state -> Waiter?? in
            let taken = state.expected > 0
            state.expected = max(0, state.expected - 1)
            if !state.waiters.isEmpty { return state.waiters.removeFirst() }
            guard taken else { return .none }
            state.early.append(result)
            return .some(nil)
        }
        guard let waiter else { return false }
        guard let waiter else { return true }
        waiter.deadline?.cancel()
        waiter.continuation.resume(returning: result)
        return true
    }

    /// Fails every waiter and every later wait with `error`.
    func end(_ error: DeviceDriverError) {
        let waiters = state.withLock { state in
            if state.ended == nil { state.ended = error }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters {
            waiter.deadline?.cancel()
            waiter.continuation.resume(returning: .failure(error))
        }
    }

    private func resolve(id: Int, with result: Result<Value, DeviceDriverError>) {
        let waiter = state.withLock { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        waiter?.deadline?.cancel()
        waiter?.continuation.resume(returning: result)
    }
}
