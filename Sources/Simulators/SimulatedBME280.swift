import Drivers
import Hardware

/// A Bosch BME280 (or BMP280) as a register file: chip id, the calibration image of
/// anchors.md part (d), control registers, status and data. A forced-mode trigger (or a data
/// read in normal mode) converts the current physical values into raw ADC words chosen so
/// that Bosch's compensation with that calibration gives them back: 21.4 °C is read as
/// 21.4 °C, to the compensation's resolution (0.01 °C, 1/256 Pa, 1/1024 %RH). Measurements
/// complete at once, so the status register never shows "measuring".
public final class SimulatedBME280: SimulatedI2CDevice {
    private struct State {
        var registers = [UInt8](repeating: 0, count: 256)
        var temperature = 21.4
        var pressure = 101_325.0
        var humidity = 45.0
        var fault = I2CFault.none
        var measurements = 0
    }

    public let variant: BME280Variant
    private let state: SimulatorState<State>

    /// The calibration the simulator's registers hold.
    public static let calibrationImage: (temperaturePressure: [UInt8], humidity: [UInt8]) = (
        [0x70, 0x6B, 0x43, 0x67, 0x18, 0xFC, 0x7D, 0x8E, 0x43, 0xD6, 0xD0, 0x0B, 0x27, 0x0B,
         0x8C, 0x00, 0xF9, 0xFF, 0x8C, 0x3C, 0xF8, 0xC6, 0x70, 0x17, 0x00, 0x4B],
        [0x6A, 0x01, 0x00, 0x13, 0x2B, 0x03, 0x1E]
    )

    public init(variant: BME280Variant = .bme280) {
        self.variant = variant
        var state = State()
        state.registers[Int(BME280Register.chipID.rawValue)] = variant.rawValue
        state.registers.replaceSubrange(0x88..<(0x88 + 26), with: Self.calibrationImage.temperaturePressure)
        if variant.measuresHumidity {
            state.registers.replaceSubrange(0xE1..<(0xE1 + 7), with: Self.calibrationImage.humidity)
        }
        self.state = SimulatorState(state)
    }

    /// °C.
    public var temperature: Double {
        get { state.withLock { $0.temperature } }
        set { state.withLock { $0.temperature = newValue } }
    }

    /// Pa.
    public var pressure: Double {
        get { state.withLock { $0.pressure } }
        set { state.withLock { $0.pressure = newValue } }
    }

    /// %RH (ignored by a BMP280).
    public var humidity: Double {
        get { state.withLock { $0.humidity } }
        set { state.withLock { $0.humidity = newValue } }
    }

    public var fault: I2CFault {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    /// Conversions made since creation.
    public var measurements: Int { state.withLock { $0.measurements } }

    /// The value of a register, as the gateway left it.
    public func register(_ address: UInt8) -> UInt8 {
        state.withLock { $0.registers[Int(address)] }
    }

    public func respond(to transaction: I2CTransaction) -> [UInt8]? {
        state.withLock { state in
            guard state.fault != .noAnswer else { return nil }
            switch transaction {
            case let .readByte(register):
                return read(register, count: 1, state: &state)
            case let .readBlock(register, count):
                return read(register, count: count, state: &state)
            case let .combined(messages):
                guard case let .write(pointer)? = messages.first, let register = pointer.first else { return nil }
                if messages.count == 1 { return write(Array(pointer.dropFirst()), at: register, state: &state) }
                guard messages.count == 2, case let .read(count) = messages[1] else { return nil }
                return read(register, count: count, state: &state)
            case let .writeByte(register, value):
                return write([value], at: register, state: &state)
            case let .writeBlock(register, bytes):
                return write(bytes, at: register, state: &state)
            default:
                return nil
            }
        }
    }

    private func read(_ register: UInt8, count: Int, state: inout State) -> [UInt8]? {
        let start = Int(register)
        guard start + count <= 256 else { return nil }
        if start + count > Int(BME280Register.data.rawValue), Self.mode(state.registers) == .normal {
            measure(&state)
        }
        return Array(state.registers[start..<(start + count)])
    }

    private func write(_ bytes: [UInt8], at register: UInt8, state: inout State) -> [UInt8]? {
        for (offset, value) in bytes.enumerated() {
            let address = Int(register) + offset
            guard address < 256 else { return nil }
            if address == Int(BME280Register.reset.rawValue) {
                if value == BME280Register.softResetCommand { Self.reset(&state.registers) }
                continue
            }
            state.registers[address] = value
            if address == Int(BME280Register.controlMeasurement.rawValue), Self.mode(state.registers) == .forced {
                measure(&state)
                // Forced mode returns to sleep after its one measurement.
                state.registers[address] &= 0xFC
            }
        }
        return []
    }

    private static func mode(_ registers: [UInt8]) -> BME280Settings.Mode {
        switch registers[Int(BME280Register.controlMeasurement.rawValue)] & 0x03 {
        case 0b00: .sleep
        case 0b11: .normal
        default: .forced
        }
    }

    private static func reset(_ registers: inout [UInt8]) {
        for register in [BME280Register.controlHumidity, .controlMeasurement, .config] {
            registers[Int(register.rawValue)] = 0
        }
    }

    /// Fills the data registers with the raw words for the current values.
    private func measure(_ state: inout State) {
        state.measurements += 1
        let dataStart = Int(BME280Register.data.rawValue)
        guard state.fault != .corrupt else {
            state.registers.replaceSubrange(dataStart..<(dataStart + 8), with: repeatElement(0xFF, count: 8))
            return
        }
        let raw = BME280RawEncoding(variant: variant).sample(
            temperature: state.temperature, pressure: state.pressure, humidity: state.humidity)
        let burst = [
            UInt8(raw.pressure >> 12), UInt8(truncatingIfNeeded: raw.pressure >> 4), UInt8(truncatingIfNeeded: raw.pressure << 4),
            UInt8(raw.temperature >> 12), UInt8(truncatingIfNeeded: raw.temperature >> 4),
            UInt8(truncatingIfNeeded: raw.temperature << 4),
            UInt8(truncatingIfNeeded: (raw.humidity ?? 0) >> 8), UInt8(truncatingIfNeeded: raw.humidity ?? 0),
        ]
        state.registers.replaceSubrange(dataStart..<(dataStart + 8), with: burst)
    }
}
