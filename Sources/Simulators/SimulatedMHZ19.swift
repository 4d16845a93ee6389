import Drivers

/// A Winsen MH-Z19B CO₂ sensor on a pseudo-terminal: answers "read concentration" with a
/// 9-byte frame of its current concentration, and takes the detection range and automatic
/// baseline correction commands. Commands with a bad checksum are ignored, as the sensor does.
public final class SimulatedMHZ19: SimulatedSerialDevice {
    public let link: SimulatedSerialLink
    private let state: SimulatorState<State>

    private struct State {
        var co2 = 420
        var temperature = 21
        var fault = SerialFault.none
        var automaticBaselineCorrection = true
        var detectionRange = 5000
        var received: [UInt8] = []
        var requestsAnswered = 0
    }

    public init() throws(PseudoTerminalError) {
        let state = SimulatorState(State())
        self.state = state
        link = try SimulatedSerialLink { bytes in state.withLock { Self.receive(bytes, state: &$0) } }
    }

    /// The concentration it reports, in ppm.
    public var co2: Int {
        get { state.withLock { $0.co2 } }
        set { state.withLock { $0.co2 = newValue } }
    }

    /// The temperature it reports, in whole °C (the frame carries it + 40).
    public var temperature: Int {
        get { state.withLock { $0.temperature } }
        set { state.withLock { $0.temperature = newValue } }
    }

    public var fault: SerialFault {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    /// Set by the 0x79 command; on from the factory.
    public var automaticBaselineCorrection: Bool { state.withLock { $0.automaticBaselineCorrection } }
    /// Set by the 0x99 command.
    public var detectionRange: Int { state.withLock { $0.detectionRange } }
    /// "Read concentration" requests answered (or left unanswered under a fault).
    public var requestsAnswered: Int { state.withLock { $0.requestsAnswered } }

    /// The frame answering "read concentration" for `co2` ppm at `temperature` °C.
    public static func frame(co2: Int, temperature: Int) -> [UInt8] {
        let concentration = UInt16(clamping: co2)
        var frame: [UInt8] = [
            0xFF, 0x86, UInt8(concentration >> 8), UInt8(truncatingIfNeeded: concentration),
            UInt8(clamping: temperature + 40), 0, 0, 0, 0,
        ]
        frame[8] = MHZ19Frame.checksum(frame)
        return frame
    }

    /// Cuts 9-byte commands out of what arrived and returns the answer bytes.
    private static func receive(_ bytes: [UInt8], state: inout State) -> [UInt8] {
        state.received += bytes
        var reply: [UInt8] = []
        while let start = state.received.firstIndex(of: 0xFF) {
            state.received.removeSubrange(..<start)
            guard state.received.count >= 9 else { break }
            let command = Array(state.received.prefix(9))
            guard command[1] == 0x01, MHZ19Frame.checksum(command) == command[8] else {
                state.received.removeFirst()
                continue
            }
            state.received.removeFirst(9)
            switch command[2] {
            case 0x86:
                state.requestsAnswered += 1
                let frame = Self.frame(co2: state.co2, temperature: state.temperature)
                var corrupted = frame
                corrupted[8] &+= 1
                reply += state.fault.applied(to: frame, corrupted: corrupted, garbage: [0x13, 0x37, 0x00, 0x55, 0xAA, 0x42])
            case 0x79:
                state.automaticBaselineCorrection = command[3] == 0xA0
            case 0x99:
                state.detectionRange = Int(command[6]) << 8 | Int(command[7])
            default:
                break
            }
        }
        return reply
    }
}
