import Dispatch
import Synchronization

/// Runs async work to completion from a suite's synchronous entry point and returns what it
/// returned or throws what it threw; throws `RunBlockingTimeout` when it has not finished
/// within `timeout` (a lost answer would otherwise hang the run).
func runBlocking<T: Sendable>(
    within timeout: Duration? = nil, _ body: @escaping @Sendable () async throws -> T
) throws -> T {
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<Result<T, any Error>>(.failure(CancellationError()))
    Task {
        let outcome: Result<T, any Error>
        do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
        result.withLock { $0 = outcome }
        done.signal()
    }
    if let timeout {
        if done.wait(timeout: .now() + timeout.inSeconds) == .timedOut { throw RunBlockingTimeout(timeout: timeout) }
    } else {
        done.wait()
    }
    return try result.withLock { $0 }.get()
}

struct RunBlockingTimeout: Error, CustomStringConvertible {
    let timeout: Duration
    var description: String { "the suite did not finish within \(timeout)" }
}
