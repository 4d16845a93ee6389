/// Every driver a model file may name as `driver.kind`, and the one place that maps each to
/// its declared schema. Adding a driver means adding a case here; the compiler then asks for
/// its schema, and the README test asks for its documentation.
public enum DriverKind: String, Sendable, Hashable, CaseIterable {
    case bme280
    case sht3x
    case ds18b20
    case iio
    case mhz19
    case pms
    case ads1115
    case gpioOutput = "gpio_output"
    case gpioInput = "gpio_input"
    case lineProtocol = "line_protocol"
    case modbusRTU = "modbus_rtu"
    case nmea
    case thermostat

    public var schema: DriverSchema {
        switch self {
        case .bme280: .bme280
        case .sht3x: .sht3x
        case .ds18b20: .ds18b20
        case .iio: .iio
        case .mhz19: .mhz19
        case .pms: .pms
        case .ads1115: .ads1115
        case .gpioOutput: .gpioOutput
        case .gpioInput: .gpioInput
        case .lineProtocol: .lineProtocol
        case .modbusRTU: .modbusRTU
        case .nmea: .nmea
        case .thermostat: .thermostat
        }
    }
}
