/// The kinds of device the gateway looks for through udev.
public enum UdevDeviceClass: String, Sendable, Hashable, CaseIterable {
    /// Serial ports with hardware behind them: USB adapters, on-board UARTs.
    case serialPort = "serial-port"
    /// GPIO character devices, `/dev/gpiochipN`.
    case gpioChip = "gpio-chip"
    /// I2C buses with a `/dev/i2c-N` node.
    case i2cBus = "i2c-bus"

    /// The udev subsystem of the device nodes.
    var subsystem: String {
        switch self {
        case .serialPort: "tty"
        case .gpioChip: "gpio"
        case .i2cBus: "i2c-dev"
        }
    }

    /// Whether a device of the subsystem is one of this class.
    ///
    /// Serial ports: a tty with a parent device, so not a virtual console, pty or `ptmx`,
    /// and not one of the 8250 ports the kernel registers whether or not a UART is there
    /// (their `type` is 0, "unknown"). GPIO chips: the character devices, not the legacy
    /// sysfs `gpiochip512`-style entries without a node.
    func includes(_ device: UdevDevice) -> Bool {
        guard device.subsystem == subsystem, device.deviceNode != nil else { return false }
        switch self {
        case .serialPort:
            return device.hasParent && device.attributes["type"] != "0"
        case .gpioChip:
            return device.sysName.hasPrefix("gpiochip")
        case .i2cBus:
            return true
        }
    }
}
