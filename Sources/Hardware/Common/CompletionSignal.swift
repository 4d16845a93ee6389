import Synchronization

/// Something that happens once — a line released, a monitor stopped — that any number of
/// tasks can wait for, before or after it happened.
final class CompletionSignal: Sendable {
    private struct State {
        var isComplete = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func complete() {
        let waiters = state.withLock { state in
            state.isComplete = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isComplete = state.withLock { state in
                if !state.isComplete { state.waiters.append(continuation) }
                return state.isComplete
            }
            if isComplete {
                continuation.resume()
            }
        }
    }
}
