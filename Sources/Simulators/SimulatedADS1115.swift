import Drivers
import Hardware

/// A TI ADS1115 with a voltage on each input: writing the config register with "start"
/// converts the selected input (or difference) at the selected range at once, clipped to the
/// range as the chip clips; the config and conversion registers read back big-endian.
/// Under `.corrupt` a conversion never completes.
public final class SimulatedADS1115: SimulatedI2CDevice {
    private struct State {
        var voltages: [Double] = [0, 0, 0, 0]
        var config: UInt16 = 0x8583  // The power-on value.
        var conversion: Int16 = 0
        var pointer: UInt8 = 0
        var fault = I2CFault.none
    }

    private let state = SimulatorState(State())

    public init() {}

    /// Volts on input `index` (AIN0…AIN3) against ground.
    public func setVoltage(_ volts: Double, input index: Int) {
        state.withLock { $0.voltages[index] = volts }
    }

    public func voltage(input index: Int) -> Double {
        state.withLock { $0.voltages[index] }
    }

    public var fault: I2CFault {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    public func respond(to transaction: I2CTransaction) -> [UInt8]? {
        state.withLock { state in
            guard state.fault != .noAnswer else { return nil }
            switch transaction {
            case let .writeBlock(register, bytes) where bytes.count == 2:
                return write(register: register, value: UInt16(bytes[0]) << 8 | UInt16(bytes[1]), state: &state)
            case let .combined(messages):
                guard case let .write(bytes)? = messages.first, let register = bytes.first else { return nil }
                if bytes.count == 3 {
                    return write(register: register, value: UInt16(bytes[1]) << 8 | UInt16(bytes[2]), state: &state)
                }
                state.pointer = register
                guard messages.count == 2, case .read(2) = messages[1] else { return messages.count == 1 ? [] : nil }
                return read(register, state: state)
            case let .readBlock(register, 2):
                state.pointer = register
                return read(register, state: state)
            case .readWord, .receiveByte, .readByte:
                return nil  // Registers are read as 2-byte blocks; SMBus word order would be wrong.
            default:
                return nil
            }
        }
    }

    private func read(_ register: UInt8, state: State) -> [UInt8]? {
        switch register {
        case ADS1115Configuration.configPointer:
            return [UInt8(state.config >> 8), UInt8(truncatingIfNeeded: state.config)]
        case ADS1115Configuration.conversionPointer:
            let raw = UInt16(bitPattern: state.conversion)
            return [UInt8(raw >> 8), UInt8(truncatingIfNeeded: raw)]
        default:
            return nil
        }
    }

    private func write(register: UInt8, value: UInt16, state: inout State) -> [UInt8]? {
        guard register == ADS1115Configuration.configPointer else { return register <= 0x03 ? [] : nil }
        // OS reads 0 while a conversion runs: under `.corrupt`, for ever.
        state.config = value & 0x7FFF
        guard state.fault != .corrupt else { return [] }
        defer { state.config |= 0x8000 }
        guard value & 0x8000 != 0 else { return [] }
        let input = ADS1115Configuration.Input(rawValue: value >> 12 & 0x7) ?? .ain0
        let range = ADS1115Configuration.FullScaleRange(rawValue: value >> 9 & 0x7) ?? .volts2_048
        let volts = Self.volts(of: input, voltages: state.voltages)
        let counts = (volts / (range.volts / 32768)).rounded()
        state.conversion = Int16(max(-32768, min(32767, counts)))
        return []
    }

    private static func volts(of input: ADS1115Configuration.Input, voltages v: [Double]) -> Double {
        switch input {
        case .ain0MinusAin1: v[0] - v[1]
        case .ain0MinusAin3: v[0] - v[3]
        case .ain1MinusAin3: v[1] - v[3]
        case .ain2MinusAin3: v[2] - v[3]
        case .ain0: v[0]
        case .ain1: v[1]
        case .ain2: v[2]
        case .ain3: v[3]
        }
    }
}
