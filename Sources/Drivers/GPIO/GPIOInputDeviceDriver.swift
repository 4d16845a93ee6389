import Hardware

/// A button, contact or PIR sensor on a GPIO input line. The state at start and each
/// debounced edge become events with the state (and, when counting, the number of
/// activations since start); `sample()` reads the line's current state.
actor GPIOInputDeviceDriver: ParameterlessDeviceDriver {
    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let line: any GPIOInput
    private let settings: GPIOInputSettings
    private let eventChannel = DriverEventChannel()
    private var count = 0
    private var reader: Task<Void, Never>?
    private var released = false

    init(model: DeviceModel, line: any GPIOInput, settings: GPIOInputSettings) {
        self.model = model
        self.line = line
        self.settings = settings
        events = eventChannel.stream
    }

    /// Reports the line's level now, so that a button never pressed still shows its state,
    /// then every edge. Edges meanwhile wait in the line's stream, and come after.
    func start() async {
        if let level = try? await line.value() {
            eventChannel.readings(readings(state: level))
        }
        let edges = line.edges
        reader = Task {
            do {
                for try await edge in edges {
                    self.receive(edge)
                }
            } catch {
                self.failed(error)
            }
        }
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        guard !released else { throw .gone("\(model.name): line released") }
        do {
            return readings(state: try await line.value())
        } catch {
            throw DeviceDriverError(error)
        }
    }

    func stop() async {
        guard !released else { return }
        released = true
        await line.release()
        await reader?.value
        eventChannel.finish()
    }

    private func receive(_ edge: GPIOEdgeEvent) {
        if settings.counting, settings.counts(edge.edge) {
            count += 1
        }
        eventChannel.readings(readings(state: edge.edge.newValue))
    }

    private func failed(_ error: any Error) {
        guard !released else { return }
        let failure = (error as? GPIOError).map(DeviceDriverError.init) ?? .bus("\(error)")
        if case let .gone(reason) = failure {
            eventChannel.yield(.gone(reason: reason))
        } else {
            eventChannel.yield(.fault(failure))
        }
    }

    private func readings(state: Bool) -> [FieldReading] {
        var readings = [FieldReading(field: "state", value: .boolean(state))]
        if settings.counting, model.field(named: "count") != nil {
            readings.append(FieldReading(field: "count", value: .integer(count)))
        }
        return readings
    }
}
