import Hardware

/// Where one installed device sits: what a gateway configuration says beside the model.
/// Which properties matter depends on the model's bus; the others are ignored.
public struct DeviceAttachment: Sendable, Hashable {
    /// Which port, bus, chip or sysfs device:
    /// - `serial`, `modbus`: the device path, best a stable link (`/dev/serial/by-id/usb-FTDI_…`).
    /// - `i2c`: the bus, as `1`, `/dev/i2c-1` or the adapter name; `nil` is bus 1, the
    ///   Raspberry Pi header's.
    /// - `gpio`: the chip, by label (`pinctrl-bcm2711`), name (`gpiochip0`), path or number
    ///   (`0`); with a line *name*, `nil` searches every chip.
    /// - `w1`: the 1-Wire id (`28-0000075c6f2b`) or the device's sysfs directory.
    /// - `iio`: the IIO id (`iio:device0`) or directory; `nil` finds the device by the
    ///   model's `device_name` (or kernel driver name).
    public var port: String?
    /// The I2C address or Modbus unit; `nil` takes the model's `address`.
    public var address: Int?
    /// The GPIO line: its name (`GPIO17`) or its offset on the chip (`17`).
    public var line: String?
    /// How long to wait for an answer or the next frame; `nil` takes the driver's default
    /// (see `DeviceDriverFactory`).
    public var responseTimeout: Duration?

    public init(port: String? = nil, address: Int? = nil, line: String? = nil, responseTimeout: Duration? = nil) {
        self.port = port
        self.address = address
        self.line = line
        self.responseTimeout = responseTimeout
    }

    /// The serial or Modbus port's path.
    public func serialPath() throws(DeviceAttachmentError) -> String {
        guard let port, !port.isEmpty else { throw .missing("port", bus: "serial") }
        return port
    }

    /// The I2C bus's name.
    public var i2cBusName: String {
        port.flatMap { $0.isEmpty ? nil : $0 } ?? "1"
    }

    /// The 7-bit I2C address: this attachment's, else the model's.
    public func i2cAddress(model: DeviceModel) throws(DeviceAttachmentError) -> I2CAddress {
        guard let value = address ?? model.address else { throw .missing("address", bus: "i2c") }
        guard let address = I2CAddress(value), (0x03...0x77).contains(value) else {
            throw .invalid("address", value: "\(value)", expected: "an I2C address from 0x03 to 0x77")
        }
        return address
    }

    /// The Modbus unit: this attachment's, else the model's, else 1.
    public func modbusUnit(model: DeviceModel) throws(DeviceAttachmentError) -> UInt8 {
        let value = address ?? model.address ?? 1
        guard (1...247).contains(value) else {
            throw .invalid("address", value: "\(value)", expected: "a Modbus unit from 1 to 247")
        }
        return UInt8(value)
    }

    /// The GPIO line: by offset when `line` is a number (then `port` must name the chip, a
    /// bare number meaning `gpiochipN`), by name otherwise.
    public func gpioSelector() throws(DeviceAttachmentError) -> GPIOLineSelector {
        guard let line, !line.isEmpty else { throw .missing("line", bus: "gpio") }
        guard let offset = Int(line) else {
            return .named(line, chipLabel: port.flatMap { $0.isEmpty ? nil : $0 })
        }
        guard let chip = port, !chip.isEmpty else { throw .missing("port", bus: "gpio (a line given by offset)") }
        return .offset(offset, chip: Int(chip).map { "gpiochip\($0)" } ?? chip)
    }
}
