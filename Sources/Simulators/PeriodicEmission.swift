import Synchronization

/// Makes a streaming simulator send on its own, every period on a clock, as a real sensor in
/// active mode does. Starting again replaces the running schedule.
final class PeriodicEmission: Sendable {
    private let task = Mutex<Task<Void, Never>?>(nil)

    deinit {
        stop()
    }

    func start(every period: Duration, clock: some Clock<Duration>, emit: @escaping @Sendable () -> Void) {
        let next = Task {
            while !Task.isCancelled {
                do {
                    try await clock.sleep(for: period)
                } catch {
                    return
                }
                emit()
            }
        }
        task.withLock { task in
            task?.cancel()
            task = next
        }
    }

    func stop() {
        task.withLock { task in
            task?.cancel()
            task = nil
        }
    }
}
