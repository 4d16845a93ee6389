/// Why a driver refused a frame, a register block, a sysfs text or a setting.
///
/// Each case carries what a person needs to act on it: which sensor family, what was wrong,
/// and the numbers involved (expected and actual checksum, the limit a value broke, the chip id
/// that answered). A refused reading is counted and skipped by the device layer; it never
/// becomes a number.
public enum DriverError: Error, Sendable, Hashable {
    /// A frame or data word whose checksum does not match its content.
    case badChecksum(sensor: SensorFamily, expected: UInt16, actual: UInt16)
    /// The chip at the address is not one this driver is for.
    case badChipID(sensor: SensorFamily, expected: [UInt8], got: UInt8)
    /// Fewer bytes, lines or fields than the format needs.
    case truncated(sensor: SensorFamily, expected: Int, got: Int)
    /// Input whose shape is wrong in a way a count or a checksum cannot describe.
    case malformed(sensor: SensorFamily, reason: String)
    /// A well-formed value outside what the sensor can measure.
    case implausibleValue(sensor: SensorFamily, field: String, value: Double, limit: ClosedRange<Double>)
    /// A value the sensor or its kernel driver uses to signal a fault rather than a measurement,
    /// such as the DS18B20's 85 °C power-on value.
    case sentinelValue(sensor: SensorFamily, field: String, value: Double, meaning: String)
    /// The chip reported the "measurement skipped" pattern, which it does after a reset that
    /// cleared the driver's settings.
    case measurementSkipped(sensor: SensorFamily, field: String)
    /// Calibration data that cannot be what the factory wrote, usually a failed read.
    case invalidCalibration(sensor: SensorFamily, reason: String)
    /// A setting the chip does not support.
    case invalidSetting(sensor: SensorFamily, setting: String, reason: String)
    /// A sysfs attribute the reading needs is not there.
    case missingAttribute(sensor: SensorFamily, attribute: String)
    /// A Modbus server answered with an exception response.
    case modbusException(unit: UInt8, function: UInt8, code: ModbusExceptionCode)
}

extension DriverError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .badChecksum(sensor, expected, actual):
            "\(sensor.rawValue): bad checksum: expected \(hex(expected)), got \(hex(actual))"
        case let .badChipID(sensor, expected, got):
            "\(sensor.rawValue): unexpected chip id \(hex(got)), expected one of "
                + expected.map { hex(UInt16($0)) }.joined(separator: ", ")
        case let .truncated(sensor, expected, got):
            "\(sensor.rawValue): truncated input: need \(expected), got \(got)"
        case let .malformed(sensor, reason):
            "\(sensor.rawValue): malformed input: \(reason)"
        case let .implausibleValue(sensor, field, value, limit):
            "\(sensor.rawValue): implausible \(field) \(value), limit \(limit.lowerBound)…\(limit.upperBound)"
        case let .sentinelValue(sensor, field, value, meaning):
            "\(sensor.rawValue): \(field) \(value) is not a measurement: \(meaning)"
        case let .measurementSkipped(sensor, field):
            "\(sensor.rawValue): \(field) measurement skipped (chip reset or not configured)"
        case let .invalidCalibration(sensor, reason):
            "\(sensor.rawValue): invalid calibration: \(reason)"
        case let .invalidSetting(sensor, setting, reason):
            "\(sensor.rawValue): invalid setting \(setting): \(reason)"
        case let .missingAttribute(sensor, attribute):
            "\(sensor.rawValue): missing attribute \(attribute)"
        case let .modbusException(unit, function, code):
            "Modbus RTU: unit \(unit) refused function \(function) with exception \(code)"
        }
    }
}

private func hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    let width = value > 0xFF ? 4 : 2
    return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
}

private func hex(_ value: UInt8) -> String {
    hex(UInt16(value))
}
