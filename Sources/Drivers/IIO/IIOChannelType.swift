/// The channel types of the kernel's Industrial I/O subsystem that the gateway reads, named as
/// they appear in sysfs (`in_<type>…`), with the unit the kernel ABI
/// (Documentation/ABI/testing/sysfs-bus-iio) gives them after scale and offset.
public enum IIOChannelType: String, Sendable, Hashable, CaseIterable {
    /// Milli degrees Celsius.
    case temp
    /// Milli percent.
    case humidityrelative
    /// Kilopascal.
    case pressure
    /// Millivolts.
    case voltage
    /// Milliamps.
    case current
    /// Lux.
    case illuminance
    /// Percent.
    case concentration
    /// Ohms.
    case resistance

    /// The gateway's unit for this quantity.
    public var unit: MeasurementUnit {
        switch self {
        case .temp: .celsius
        case .humidityrelative: .percentRelativeHumidity
        case .pressure: .pascal
        case .voltage: .volt
        case .current: .ampere
        case .illuminance: .lux
        case .concentration: .percent
        case .resistance: .ohm
        }
    }

    /// Multiplies a value in the kernel's unit into `unit`.
    public var kernelUnitFactor: Double {
        switch self {
        case .temp, .humidityrelative, .voltage, .current: 0.001
        case .pressure: 1000
        case .illuminance, .concentration, .resistance: 1
        }
    }

    /// The field name a reading of this type is published under unless the device says otherwise.
    public var defaultField: String {
        switch self {
        case .temp: "temperature"
        case .humidityrelative: "humidity"
        case .pressure: "pressure"
        case .voltage: "voltage"
        case .current: "current"
        case .illuminance: "illuminance"
        case .concentration: "concentration"
        case .resistance: "resistance"
        }
    }
}
