import Hardware

/// A USB serial adapter as a system without udevd shows it: the kernel's sysfs devices (the
/// USB device with its descriptor strings, its interface, for `ttyUSB*` the USB-serial port,
/// the tty) with the `class/tty/<tty>` link, and the node `<dev>/<tty>`, here a link to a
/// pseudo-terminal on whose controlling side the test plays the device. There is no
/// `<dev>/serial/by-id` link: udevd would make it.
public final class SimulatedUSBSerialAdapter: Sendable {
    /// `ttyUSB0` (a USB-serial converter such as an FTDI) or `ttyACM0` (a CDC ACM device).
    public let tty: String
    /// The device's side of the line.
    public let terminal: PseudoTerminal

    /// `usbPath` is the device's place on the bus, such as `1-1.2`; the strings are its USB
    /// descriptors, `nil` for one the device does not have. A second adapter at the same
    /// `usbPath` with another `interfaceNumber` is the next port of a multi-port device.
    public init(
        tty: String, usbPath: String, vendorID: String, productID: String,
        manufacturer: String? = nil, product: String? = nil, serial: String? = nil, interfaceNumber: String = "00",
        sysfs: SysfsRoot, deviceDirectory: String
    ) throws {
        self.tty = tty
        terminal = try PseudoTerminal()
        let usbDevice = SysfsDirectory(path: sysfs.appending("devices/pci0000:00/0000:00:14.0/usb1/\(usbPath)"))
        try usbDevice.create()
        let descriptors = ["idVendor": vendorID, "idProduct": productID, "manufacturer": manufacturer, "product": product, "serial": serial]
        for case let (attribute, value?) in descriptors {
            try usbDevice.write(value + "\n", to: attribute)
        }
        let interface = SysfsDirectory(path: "\(usbDevice.path)/\(usbPath):1.\(Int(interfaceNumber, radix: 16) ?? 0)")
        try interface.create()
        try interface.write(interfaceNumber + "\n", to: "bInterfaceNumber")
        let ttyDevice: SysfsDirectory
        if tty.hasPrefix("ttyUSB") {
            let port = SysfsDirectory(path: "\(interface.path)/\(tty)")
            try port.create()
            try port.write("0\n", to: "port_number")
            ttyDevice = SysfsDirectory(path: "\(port.path)/tty/\(tty)")
        } else {
            ttyDevice = SysfsDirectory(path: "\(interface.path)/tty/\(tty)")
        }
        try ttyDevice.create()
        try FileAccess.createDirectory(sysfs.appending("class/tty"))
        try FileAccess.createSymbolicLink(sysfs.appending("class/tty/\(tty)"), to: ttyDevice.path)
        try FileAccess.createDirectory(deviceDirectory)
        try FileAccess.createSymbolicLink("\(deviceDirectory)/\(tty)", to: terminal.path)
    }
}
