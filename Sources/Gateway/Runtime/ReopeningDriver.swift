import Drivers
import Synchronization

/// A device driver that survives its device: when the device is missing at start or
/// vanishes (USB adapter unplugged, sysfs directory gone), samples report it gone and the
/// driver is opened again, at most once per `retryInterval`, until the device is back — no
/// restart needed.
final class ReopeningDriver: DeviceDriver {
    typealias Opener = @Sendable () async throws -> any DeviceDriver

    let model: DeviceModel
    let events: AsyncStream<DriverEvent>
    private let continuation: AsyncStream<DriverEvent>.Continuation
    private let open: Opener
    private let retryInterval: Duration
    private let state = Mutex<State>(State())

    private struct State {
        var driver: (any DeviceDriver)?
        var forwarding: Task<Void, Never>?
        var lastAttempt: ContinuousClock.Instant?
        var lastProblem = "not opened yet"
        var stopped = false
    }

    init(model: DeviceModel, retryInterval: Duration = .seconds(10), open: @escaping Opener) {
        self.model = model
        self.open = open
        self.retryInterval = retryInterval
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(256))
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        let driver = try await current()
        do {
            return try await driver.sample()
        } catch {
            if case .gone = error { await drop(driver, because: error.description) }
            throw error
        }
    }

    func write(_ value: FieldValue, to parameter: String) async throws(DeviceDriverError) {
        let driver = try await current()
        do {
            try await driver.write(value, to: parameter)
        } catch {
            if case .gone = error { await drop(driver, because: error.description) }
            throw error
        }
    }

    func stop() async {
        let driver = state.withLock { state -> (any DeviceDriver)? in
            state.stopped = true
            state.forwarding?.cancel()
            defer { state.driver = nil }
            return state.driver
        }
        await driver?.stop()
        continuation.finish()
    }

    /// Keeps the device open until `stop()`: opens it now (an output is requested with its
    /// safe value at start, an input starts delivering edges) and again whenever it went
    /// away, including devices that only speak on their own and are never sampled.
    func keepOpen() async {
        while !state.withLock({ $0.stopped }) {
            _ = try? await current()
            try? await Task.sleep(for: retryInterval)
        }
    }

    private func current() async throws(DeviceDriverError) -> any DeviceDriver {
        let now = ContinuousClock.now
        let due: Bool = state.withLock { state in
            if state.driver != nil || state.stopped { return false }
            if let last = state.lastAttempt, now - last < retryInterval { return false }
            state.lastAttempt = now
            return true
        }
        if let driver = state.withLock({ $0.driver }) { return driver }
        guard due else { throw .gone(state.withLock { $0.lastProblem }) }
        do {
            let driver = try await open()
            state.withLock { state in
                state.driver = driver
                state.forwarding = Task { [continuation, weak self] in
                    for await event in driver.events {
                        continuation.yield(event)
                        if case let .gone(reason) = event {
                            await self?.drop(driver, because: reason)
                            return
                        }
                    }
                }
            }
            return driver
        } catch {
            let problem = "\(error)"
            state.withLock { $0.lastProblem = problem }
            throw .gone(problem)
        }
    }

    private func drop(_ driver: any DeviceDriver, because reason: String) async {
        state.withLock { state in
            state.driver = nil
            state.forwarding?.cancel()
            state.forwarding = nil
            state.lastProblem = reason
        }
        await driver.stop()
    }
}
