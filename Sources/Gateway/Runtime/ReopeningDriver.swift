import Drivers
import Synchronization

/// A device driver that survives its device: when the device is missing at start or
/// vanishes (USB adapter unplugged, sysfs directory gone), samples report it gone and the
/// driver is opened again, at most once per `retryInterval` or at once when a device was
/// plugged in (`deviceAdded()`), until the device is back — no restart needed.
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
        var opening: Task<Result<any DeviceDriver, DeviceDriverError>, Never>?
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
        while !Task.isCancelled, !state.withLock({ $0.stopped }) {
            _ = try? await current()
            try? await Task.sleep(for: retryInterval)
        }
    }

    /// Something was plugged in (a udev event): when the device is not open, the next
    /// attempt is now rather than at the end of the retry interval.
    func deviceAdded() {
        let due = state.withLock { state in
            guard state.driver == nil, state.opening == nil, !state.stopped else { return false }
            state.lastAttempt = nil
            return true
        }
        if due { Task { _ = try? await self.current() } }
    }

    private enum Step {
        case ready(any DeviceDriver)
        case wait(Task<Result<any DeviceDriver, DeviceDriverError>, Never>)
        case refuse(String)
    }

    /// The open driver; or the one being opened, awaited; or a new attempt when one is due.
    private func current() async throws(DeviceDriverError) -> any DeviceDriver {
        let now = ContinuousClock.now
        let step: Step = state.withLock { state in
            if let driver = state.driver { return .ready(driver) }
            if let opening = state.opening { return .wait(opening) }
            if state.stopped { return .refuse("stopped") }
            if let last = state.lastAttempt, now - last < retryInterval { return .refuse(state.lastProblem) }
            state.lastAttempt = now
            let opening = Task { await self.attemptOpen() }
            state.opening = opening
            return .wait(opening)
        }
        switch step {
        case let .ready(driver): return driver
        case let .refuse(problem): throw .gone(problem)
        case let .wait(opening): return try await opening.value.get()
        }
    }

    private func attemptOpen() async -> Result<any DeviceDriver, DeviceDriverError> {
        do {
            let driver = try await open()
            state.withLock { state in
                state.opening = nil
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
            return .success(driver)
        } catch {
            let problem = "\(error)"
            state.withLock { state in
                state.opening = nil
                state.lastProblem = problem
            }
            return .failure(.gone(problem))
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
