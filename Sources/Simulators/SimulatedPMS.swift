import Drivers

/// A Plantower PMS5003/PMS7003 on a pseudo-terminal. In active mode it sends a 32-byte frame
/// whenever `emit()` is called (or on its own after `startStreaming`); in passive mode it
/// answers the read command. It takes the mode, sleep and wake commands; asleep, it is silent.
public final class SimulatedPMS: SimulatedSerialDevice {
    /// Mass concentrations in µg/m³ and particle counts per 0.1 L.
    public struct Values: Sendable, Hashable {
        public var standard: PMSMassConcentration
        public var atmospheric: PMSMassConcentration
        /// Counts of particles above 0.3, 0.5, 1.0, 2.5, 5.0 and 10 µm.
        public var particleCounts: [Int]

        public init(standard: PMSMassConcentration, atmospheric: PMSMassConcentration, particleCounts: [Int]) {
            self.standard = standard
            self.atmospheric = atmospheric
            self.particleCounts = particleCounts
        }

        /// Clean indoor air.
        public static let indoor = Values(
            standard: PMSMassConcentration(pm1_0: 3, pm2_5: 5, pm10: 6),
            atmospheric: PMSMassConcentration(pm1_0: 3, pm2_5: 5, pm10: 6),
            particleCounts: [600, 180, 30, 4, 1, 0])
    }

    private struct State {
        var values = Values.indoor
        var fault = SerialFault.none
        var passive = false
        var asleep = false
        var received: [UInt8] = []
    }

    public let link: SimulatedSerialLink
    private let state: SimulatorState<State>
    private let emission = PeriodicEmission()

    public init() throws(PseudoTerminalError) {
        let state = SimulatorState(State())
        self.state = state
        link = try SimulatedSerialLink { bytes in state.withLock { Self.receive(bytes, state: &$0) } }
    }

    public var values: Values {
        get { state.withLock { $0.values } }
        set { state.withLock { $0.values = newValue } }
    }

    public var fault: SerialFault {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    /// Whether the gateway switched it to passive mode.
    public var isPassive: Bool { state.withLock { $0.passive } }
    /// Whether the gateway put it to sleep (fan off).
    public var isAsleep: Bool { state.withLock { $0.asleep } }

    /// Sends one frame now, as active mode does about once a second.
    public func emit() {
        let frame = state.withLock { Self.output(state: $0) }
        if !frame.isEmpty { link.send(frame) }
    }

    /// Sends a frame every `period` on `clock` until `stopStreaming()`.
    public func startStreaming(every period: Duration = .seconds(1), clock: some Clock<Duration> = ContinuousClock()) {
        emission.start(every: period, clock: clock) { [weak self] in
            guard let self, !self.isPassive else { return }
            self.emit()
        }
    }

    public func stopStreaming() {
        emission.stop()
    }

    /// The 32-byte frame for `values`, with its 16-bit sum.
    public static func frame(_ values: Values) -> [UInt8] {
        let words = [
            values.standard.pm1_0, values.standard.pm2_5, values.standard.pm10,
            values.atmospheric.pm1_0, values.atmospheric.pm2_5, values.atmospheric.pm10,
        ] + values.particleCounts.prefix(6)
        var frame: [UInt8] = [0x42, 0x4D, 0x00, 0x1C]
        for word in words + Array(repeating: 0, count: max(0, 12 - words.count)) {
            let value = UInt16(clamping: word)
            frame += [UInt8(value >> 8), UInt8(truncatingIfNeeded: value)]
        }
        frame += [0x97, 0x00]  // version, error code
        let sum = frame.reduce(UInt16(0)) { $0 &+ UInt16($1) }
        return frame + [UInt8(sum >> 8), UInt8(truncatingIfNeeded: sum)]
    }

    private static func output(state: State) -> [UInt8] {
        guard !state.asleep else { return [] }
        let frame = Self.frame(state.values)
        var corrupted = frame
        corrupted[31] &+= 1
        return state.fault.applied(to: frame, corrupted: corrupted, garbage: [0x00, 0x42, 0x13, 0x4E, 0xFF, 0x37, 0x0A])
    }

    /// Cuts 7-byte commands (42 4D cmd 00 data sum) out of what arrived; answers a passive read.
    private static func receive(_ bytes: [UInt8], state: inout State) -> [UInt8] {
        state.received += bytes
        var reply: [UInt8] = []
        while let start = state.received.firstIndex(of: 0x42) {
            state.received.removeSubrange(..<start)
            guard state.received.count >= 7 else { break }
            let command = Array(state.received.prefix(7))
            let sum = command.prefix(5).reduce(UInt16(0)) { $0 &+ UInt16($1) }
            guard command[1] == 0x4D, UInt16(command[5]) << 8 | UInt16(command[6]) == sum else {
                state.received.removeFirst()
                continue
            }
            state.received.removeFirst(7)
            switch (command[2], command[4]) {
            case (0xE1, let mode): state.passive = mode == 0x00
            case (0xE2, _): reply += Self.output(state: state)
            case (0xE4, let wake): state.asleep = wake == 0x00
            default: break
            }
        }
        return reply
    }
}
