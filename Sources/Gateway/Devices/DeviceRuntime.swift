import Drivers
import FoundationEssentials

/// One installed device on its bus: it takes the driver's readings through each field's
/// calibration and filters, keeps the latest values, judges the device's health, and checks
/// every parameter write before the driver sees it.
///
/// Every method takes the time explicitly; `run(every:)` is the only place that reads a clock,
/// so tests drive the runtime moment by moment.
public actor DeviceRuntime: GatewayDevice {
    public nonisolated let id: String
    public nonisolated let model: DeviceModel
    public nonisolated let updates: AsyncStream<DeviceUpdate>
    private let driver: any DeviceDriver
    private let continuation: AsyncStream<DeviceUpdate>.Continuation
    private let wallClock: @Sendable () -> Date
    /// Without any reading for this long the device is stale, whatever its fields say.
    private let silenceLimit: Duration?
    /// Consecutive failures before the device counts as failing: one bad frame on a noisy
    /// line is not worth a presence change.
    private let failuresBeforeFailing: Int

    private var processors: [String: FieldProcessor]
    private var latest: [String: (value: FieldValue, measuredAt: Date)] = [:]
    /// Values published since the last update was sent: one frame's values go out together.
    private var unsent: [FieldReading] = []
    private var parameters: [String: FieldValue] = [:]
    private var lastReadingAt: ContinuousClock.Instant?
    private var consecutiveFailures = 0
    private var lastFailure: String?
    private var gone: String?
    public private(set) var health: DeviceHealth = .starting

    public init(
        id: String,
        model: DeviceModel,
        driver: any DeviceDriver,
        silenceLimit: Duration? = nil,
        failuresBeforeFailing: Int = 3,
        wallClock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.id = id
        self.model = model
        self.driver = driver
        self.silenceLimit = silenceLimit
        self.failuresBeforeFailing = failuresBeforeFailing
        self.wallClock = wallClock
        (updates, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        processors = Dictionary(
            uniqueKeysWithValues: model.fields.filter(\.type.isNumber).map { ($0.name, FieldProcessor(processing: $0.processing)) }
        )
    }

    /// Takes in the values of one frame or sample measured at `time`.
    public func ingest(_ readings: [FieldReading], at time: ContinuousClock.Instant) {
        var accepted = false
        for reading in readings {
            if model.parameter(named: reading.field) != nil {
                parameters[reading.field] = reading.value
            }
            guard let field = model.field(named: reading.field) else { continue }
            if field.type.isNumber, let number = reading.value.number {
                accepted = accept(number, of: field, at: time) || accepted
            } else {
                accepted = true
                publish(reading.value, of: field.name, onlyIfChanged: true)
            }
        }
        sendPublished()
        guard accepted else { return }
        lastReadingAt = time
        consecutiveFailures = 0
        gone = nil
        judgeHealth(at: time)
    }

    /// Counts a failed sample; enough of them in a row make the device failing.
    public func recordFailure(_ error: DeviceDriverError, at time: ContinuousClock.Instant) {
        if case let .gone(reason) = error {
            gone = reason
        } else {
            consecutiveFailures += 1
            lastFailure = error.description
        }
        judgeHealth(at: time)
    }

    /// Fires time-driven filters (heartbeats) and notices values growing stale.
    public func tick(at time: ContinuousClock.Instant) {
        for name in processors.keys.sorted() {
            for sample in processors[name]?.tick(at: time) ?? [] {
                publish(value(sample.value, of: name), of: name, onlyIfChanged: false)
            }
        }
        sendPublished()
        judgeHealth(at: time)
    }

    public func snapshot(at now: ContinuousClock.Instant) -> DeviceSnapshot {
        let fields = model.fields.map { field -> FieldState in
            let latest = latest[field.name]
            guard let processor = processors[field.name] else {
                return FieldState(field: field, value: latest?.value, measuredAt: latest?.measuredAt,
                    freshness: latest == nil ? .missing : silenceAge(at: now).map { .stale(age: $0) } ?? .current)
            }
            switch processor.freshness(at: now) {
            case .missing:
                return FieldState(field: field, value: nil, measuredAt: nil, freshness: .missing)
            case .current:
                return FieldState(field: field, value: latest?.value, measuredAt: latest?.measuredAt,
                    freshness: silenceAge(at: now).map { .stale(age: $0) } ?? .current)
            case let .stale(_, age):
                return FieldState(field: field, value: latest?.value, measuredAt: latest?.measuredAt, freshness: .stale(age: age))
            }
        }
        return DeviceSnapshot(fields: fields, parameters: parameters, health: health)
    }

    public func set(_ parameter: String, to value: FieldValue) async throws(ControlRefusal) {
        let checked = try ParameterCheck.check(value, for: parameter, in: model)
        do {
            try await driver.write(checked, to: parameter)
        } catch {
            throw .deviceFailed(parameter, reason: error.description)
        }
        parameters[parameter] = checked
        if model.bus == .gpio, let readBack = try? await driver.sample() {
            // A line reads back what it is driven to: the output's real state, not the request.
            ingest(readBack, at: .now)
        } else if let field = model.field(named: parameter), !field.type.isNumber {
            publish(checked, of: field.name, onlyIfChanged: true)
            sendPublished()
        }
    }

    /// Samples every `interval` (or only listens, for devices that speak on their own) until
    /// the task is cancelled, then stops the driver.
    public func run(every interval: Duration?) async {
        let clock = ContinuousClock()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.listen() }
            group.addTask {
                while !Task.isCancelled {
                    if interval != nil {
                        do throws(DeviceDriverError) {
                            let readings = try await self.driver.sample()
                            await self.ingest(readings, at: clock.now)
                        } catch {
                            await self.recordFailure(error, at: clock.now)
                        }
                    }
                    await self.tick(at: clock.now)
                    // Without polling, wake once a second to notice silence and run heartbeats.
                    try? await clock.sleep(for: interval ?? .seconds(1))
                }
            }
            await group.next()
            group.cancelAll()
        }
        await driver.stop()
        continuation.finish()
    }

    private func listen() async {
        let clock = ContinuousClock()
        for await event in driver.events {
            switch event {
            case let .readings(readings, time): ingest(readings, at: time)
            case let .fault(error): recordFailure(error, at: clock.now)
            case let .gone(reason): recordFailure(.gone(reason), at: clock.now)
            case let .notice(text): continuation.yield(.notice(text))
            }
        }
    }

    private func accept(_ number: Double, of field: DeviceField, at time: ContinuousClock.Instant) -> Bool {
        guard var processor = processors[field.name] else { return false }
        let outcome = processor.accept(number, at: time)
        processors[field.name] = processor
        switch outcome {
        case let .published(sample):
            publish(value(sample.value, of: field.name), of: field.name, onlyIfChanged: false)
            return true
        case .held:
            return true
        case let .refused(refusal):
            lastFailure = "\(field.name): \(refusal)"
            return false
        }
    }

    private func value(_ number: Double, of name: String) -> FieldValue {
        model.field(named: name)?.type == .int ? .integer(Int(number.rounded())) : .number(number)
    }

    private func publish(_ value: FieldValue, of name: String, onlyIfChanged: Bool) {
        if onlyIfChanged, latest[name]?.value == value { return }
        latest[name] = (value, wallClock())
        unsent.append(FieldReading(field: name, value: value))
    }

    private func sendPublished() {
        guard !unsent.isEmpty else { return }
        continuation.yield(.published(unsent, measuredAt: wallClock()))
        unsent = []
    }

    private func silenceAge(at now: ContinuousClock.Instant) -> Duration? {
        guard let silenceLimit, let lastReadingAt, now - lastReadingAt > silenceLimit else { return nil }
        return now - lastReadingAt
    }

    private func judgeHealth(at now: ContinuousClock.Instant) {
        let judged: DeviceHealth
        if let gone {
            judged = .gone(reason: gone)
        } else if consecutiveFailures >= failuresBeforeFailing, let lastFailure {
            judged = .failing(reason: lastFailure)
        } else if let age = silenceAge(at: now) {
            judged = .stale(reason: "no reading for \(age.spokenText)")
        } else if let stale = staleField(at: now) {
            judged = .stale(reason: stale)
        } else if lastReadingAt == nil {
            judged = health == .starting ? .starting : health
        } else {
            judged = .reading
        }
        guard judged != health else { return }
        health = judged
        continuation.yield(.health(judged))
    }

    private func staleField(at now: ContinuousClock.Instant) -> String? {
        for field in model.fields {
            if case let .stale(_, age) = processors[field.name]?.freshness(at: now) {
                return "\(field.name) not updated for \(age.spokenText)"
            }
        }
        return nil
    }
}
