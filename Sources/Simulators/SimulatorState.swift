import Synchronization

/// A simulator's mutable state behind a lock, as a reference its bus callbacks can share
/// from the moment the simulator is created (a `Mutex` stored in the simulator could not be
/// captured before its initialiser finished).
final class SimulatorState<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        try mutex.withLock { (value: inout Value) throws(Failure) -> Result in try body(&value) }
    }
}
