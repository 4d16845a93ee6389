import Hardware

/// A relay, LED or other on/off load on a GPIO output line.
///
/// The line is requested already at the safe state and released back to it, so the load
/// never glitches at start or stop. The model's minimum on and off times protect loads such
/// as compressors: a switch sooner than that after the last one is refused (`.unsupported`,
/// naming the time left) rather than delayed, so the caller — the thermostat loop, a user —
/// decides whether to retry. The minimum times count from switches this driver made; the
/// state the line had before the gateway started is unknown. After `maximum_on_time` on,
/// the driver switches the load off by itself and reports it as an event.
actor GPIOOutputDeviceDriver<C: Clock<Duration>>: DeviceDriver {
    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let line: any GPIOOutput
    private let settings: GPIOOutputSettings
    private let clock: C
    private let eventChannel = DriverEventChannel()
    private var state: Bool
    private var lastSwitch: C.Instant?
    private var switchOffTimer: Task<Void, Never>?
    private var released = false

    init(model: DeviceModel, line: any GPIOOutput, settings: GPIOOutputSettings, clock: C) {
        self.model = model
        self.line = line
        self.settings = settings
        self.clock = clock
        state = settings.safeState
        events = eventChannel.stream
    }

    /// Reports the safe state the line was requested at, so that the device shows its state
    /// from the start rather than after its first switch, and arms the maximum-on timer when
    /// that state is on.
    func start() {
        eventChannel.readings([FieldReading(field: "state", value: .boolean(state))])
        if state { armSwitchOff() }
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        guard !released else { throw .gone("\(model.name): line released") }
        do {
            return [FieldReading(field: "state", value: .boolean(try await line.value()))]
        } catch {
            throw DeviceDriverError(error)
        }
    }

    func write(_ value: FieldValue, to parameter: String) async throws(DeviceDriverError) {
        guard parameter == "state" else { throw .unsupported("\(model.name) has no parameter \(parameter)") }
        guard case let .boolean(wanted) = value else { throw .unsupported("state takes true or false, not \(value)") }
        guard !released else { throw .gone("\(model.name): line released") }
        guard wanted != state else { return }
        if let lastSwitch, let minimum = settings.minimumTime(in: state) {
            let elapsed = lastSwitch.duration(to: clock.now)
            if elapsed < minimum {
                throw .unsupported(
                    "\(model.name) stays \(state ? "on" : "off") for at least \(minimum): \(minimum - elapsed) left")
            }
        }
        try await drive(wanted)
    }

    func stop() async {
        guard !released else { return }
        released = true
        switchOffTimer?.cancel()
        await line.release()
        eventChannel.finish()
    }

    private func drive(_ wanted: Bool) async throws(DeviceDriverError) {
        do {
            try await line.set(wanted)
        } catch {
            throw DeviceDriverError(error)
        }
        state = wanted
        lastSwitch = clock.now
        switchOffTimer?.cancel()
        switchOffTimer = nil
        if wanted { armSwitchOff() }
    }

    private func armSwitchOff() {
        guard let limit = settings.maximumOnTime else { return }
        let clock = self.clock
        switchOffTimer = Task {
            do {
                try await clock.sleep(for: limit)
            } catch {
                return  // Switched off (or stopped) before the limit.
            }
            await self.maximumOnTimeReached()
        }
    }

    private func maximumOnTimeReached() async {
        guard state, !released else { return }
        do {
            try await drive(false)
            eventChannel.readings([FieldReading(field: "state", value: .boolean(false))])
        } catch {
            eventChannel.yield(.fault(error))
        }
    }
}
