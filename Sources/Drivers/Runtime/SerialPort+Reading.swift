import Hardware

extension SerialPort {
    /// Reads the port until it ends, handing each chunk to `receive` in order, then tells
    /// `ended` why: `nil` when its owner closed it, the error otherwise.
    func reading(
        _ receive: @escaping @Sendable ([UInt8]) async -> Void,
        ended: @escaping @Sendable (DeviceDriverError?) async -> Void
    ) -> Task<Void, Never> {
        let received = self.received
        return Task {
            do {
                for try await chunk in received {
                    await receive(chunk)
                }
                await ended(nil)
            } catch {
                await ended(DeviceDriverError(received: error))
            }
        }
    }
}
