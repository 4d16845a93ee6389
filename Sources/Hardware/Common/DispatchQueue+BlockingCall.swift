import Dispatch

extension DispatchQueue {
    /// Runs a call that may block (an I2C ioctl, a 1-Wire read that takes 750 ms) on this
    /// queue and waits for it without holding a thread of the event loop or of Swift's
    /// cooperative pool. On a serial queue the calls also run one at a time, in order.
    func blockingCall<Value: Sendable, Failure: Error>(
        _ body: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await withCheckedContinuation { continuation in
            self.async {
                continuation.resume(returning: Result { () throws(Failure) -> Value in try body() })
            }
        }
        return try result.get()
    }
}
