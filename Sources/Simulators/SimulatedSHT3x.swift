import Drivers
import Hardware

/// A Sensirion SHT3x: a single-shot command makes it measure its current temperature and
/// humidity; the next 6-byte read returns both words with their CRC-8. A read with no
/// measurement pending is not acknowledged, as the chip does. Measurements complete at once.
public final class SimulatedSHT3x: SimulatedI2CDevice {
    private struct State {
        var temperature = 21.4
        var humidity = 45.0
        var fault = I2CFault.none
        var pending: [UInt8]?
        var measurements = 0
    }

    private let state = SimulatorState(State())

    public init() {}

    /// °C.
    public var temperature: Double {
        get { state.withLock { $0.temperature } }
        set { state.withLock { $0.temperature = newValue } }
    }

    /// %RH.
    public var humidity: Double {
        get { state.withLock { $0.humidity } }
        set { state.withLock { $0.humidity = newValue } }
    }

    public var fault: I2CFault {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    public var measurements: Int { state.withLock { $0.measurements } }

    /// The six bytes for `temperature` and `humidity`: each word big-endian, then its CRC
    /// (datasheet: T = −45 + 175·S/65535, RH = 100·S/65535).
    public static func bytes(temperature: Double, humidity: Double) -> [UInt8] {
        func word(_ value: Double) -> [UInt8] {
            let raw = UInt16(clamping: Int((value * 65535).rounded()))
            let bytes = [UInt8(raw >> 8), UInt8(truncatingIfNeeded: raw)]
            return bytes + [CRC8.sensirion.checksum(bytes)]
        }
        return word((temperature + 45) / 175) + word(humidity / 100)
    }

    public func respond(to transaction: I2CTransaction) -> [UInt8]? {
        state.withLock { state in
            guard state.fault != .noAnswer, case let .combined(messages) = transaction, messages.count == 1 else { return nil }
            switch messages[0] {
            case let .write(command) where command.count == 2 && command[0] == 0x24:
                state.measurements += 1
                var bytes = Self.bytes(temperature: state.temperature, humidity: state.humidity)
                if state.fault == .corrupt { bytes[2] ^= 0xFF }
                state.pending = bytes
                return []
            case let .write(command) where command.count == 2:
                return []  // Soft reset, heater, status: taken, nothing to simulate.
            case .read(count: 6):
                defer { state.pending = nil }
                return state.pending
            default:
                return nil
            }
        }
    }
}
