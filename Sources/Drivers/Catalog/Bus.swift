/// How a device is attached to the gateway, as a model file's `bus` names it.
public enum Bus: String, Sendable, Hashable, CaseIterable {
    /// `/dev/i2c-N`; the model gives the 7-bit address.
    case i2c
    /// A UART or USB serial adapter; the model gives the line settings.
    case serial
    /// Lines of a `/dev/gpiochipN`.
    case gpio
    /// 1-Wire through the kernel's `w1` drivers in sysfs.
    case w1
    /// A kernel Industrial I/O device in sysfs.
    case iio
    /// Modbus RTU on RS-485 (a serial line shared by units 1…247); the model gives the
    /// default unit address and the line settings.
    case modbus
    /// Not attached to any bus: a device the gateway composes from other devices' fields and
    /// parameters, such as a thermostat.
    case virtual

    /// Whether the device sits on a serial line whose speed and framing the model sets.
    public var hasLineSettings: Bool {
        self == .serial || self == .modbus
    }

    /// The addresses a device on this bus may have; `nil` where the bus has no addresses a
    /// model could default (a GPIO line or a 1-Wire id is chosen per installation).
    public var addressRange: ClosedRange<Int>? {
        switch self {
        // 0x00–0x02 and 0x78–0x7F are reserved by the I2C specification.
        case .i2c: 0x03...0x77
        case .modbus: 1...247
        case .serial, .gpio, .w1, .iio, .virtual: nil
        }
    }
}
