import Hardware
import Simulators

/// Faults for a running simulated installation, set from outside: the file
/// `simulator-faults` in the state directory, one `<device> <fault>` per line. A fault is
/// one of `none`, `silent`, `garbage`, `bad-checksum`, `partial-frame` (serial devices) or
/// `none`, `no-answer`, `corrupt` (I2C devices). Devices not named have no fault. It lets a
/// demo (and the end-to-end tests) show what a gateway does when a sensor stops answering.
struct SimulatorFaultFile: Sendable {
    let path: String

    /// Sets every simulator's fault to what the file says now.
    func apply(to devices: [String: SimulatedDevice]) {
        let named = faults()
        for (id, device) in devices {
            let word = named[id] ?? "none"
            switch device {
            case let .mhz19(sensor): sensor.fault = Self.serial(word)
            case let .pms(sensor): sensor.fault = Self.serial(word)
            case let .lineSensor(sensor): sensor.fault = Self.serial(word)
            case let .nmea(sensor): sensor.fault = Self.serial(word)
            case let .modbus(unit): unit.fault = Self.serial(word)
            case let .bme280(sensor): sensor.fault = Self.i2c(word)
            case let .sht3x(sensor): sensor.fault = Self.i2c(word)
            case let .ads1115(converter): converter.fault = Self.i2c(word)
            case .ds18b20, .iio, .gpio: break
            }
        }
    }

    private func faults() -> [String: String] {
        guard let text = try? FileAccess.text(of: path) else { return [:] }
        var faults: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if words.count == 2 { faults[words[0]] = words[1] }
        }
        return faults
    }

    private static func serial(_ word: String) -> SerialFault {
        switch word {
        case "silent": .silent
        case "garbage": .garbage
        case "bad-checksum": .badChecksum
        case "partial-frame": .partialFrame
        default: .none
        }
    }

    private static func i2c(_ word: String) -> I2CFault {
        switch word {
        case "silent", "no-answer": .noAnswer
        case "corrupt", "garbage", "bad-checksum": .corrupt
        default: .none
        }
    }
}
