import Glibc

/// The `/dev/serial/by-id` name udev gives a USB serial port, computed from sysfs for when
/// udevd does not run (a container, a minimal image): nobody makes the links then, yet a
/// configuration may name its adapter by them.
///
/// udev's 60-serial.rules names `ttyUSB*` and `ttyACM*` devices
/// `usb-<vendor>_<model>[_<serial>]-if<interface>[-port<port>]`, where, from the sysfs
/// attributes above the tty: vendor is the USB device's `manufacturer` or else its
/// `idVendor`; model its `product` or else `idProduct`; serial its `serial` (dropped when it
/// has control characters, non-ASCII bytes or commas); interface the USB interface's
/// `bInterfaceNumber`; port the USB-serial port's `port_number` (`ttyUSB*` only). Each of
/// vendor, model and serial is first cleaned as `UdevNameText` says.
public struct SerialByIDName: Sendable, Hashable, CustomStringConvertible {
    /// `usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0`.
    public var name: String
    /// The tty it names, `ttyUSB0`.
    public var tty: String

    public init(name: String, tty: String) {
        self.name = name
        self.tty = tty
    }

    public var description: String { "\(name) (\(tty))" }

    /// The names of the USB serial ports present now, in the order of their ttys.
    public static func present(sysfs: SysfsRoot = .system) -> [SerialByIDName] {
        let ttys = (try? FileAccess.entries(of: sysfs.appending("class/tty"))) ?? []
        return ttys.filter(isNamedByUdev).compactMap { tty in
            name(of: tty, sysfs: sysfs).map { SerialByIDName(name: $0, tty: tty) }
        }
    }

    /// The device node `path` means when it is a `<dev>/serial/by-id/<name>` path whose link
    /// does not exist: `<dev>/<tty>` of the port present that udev would give that name.
    /// `nil` when `path` is no by-id path or its link exists, so it is opened as it is.
    static func nodeWithoutLink(_ path: String, sysfs: SysfsRoot) throws(SerialPortError) -> String? {
        let byID = "/serial/by-id"
        let directory = parent(of: path)
        let name = path.dropFirst(directory.count + 1)
        guard directory.hasSuffix(byID), !name.isEmpty else { return nil }
        var info = stat()
        guard lstat(path, &info) != 0 else { return nil }
        let present = Self.present(sysfs: sysfs)
        guard let port = present.first(where: { $0.name == name }) else {
            throw .byIDNameNotFound(path: path, present: present)
        }
        return "\(directory.dropLast(byID.count))/\(port.tty)"
    }

    /// udev's `KERNEL=="ttyUSB[0-9]*|ttyACM[0-9]*"`.
    private static func isNamedByUdev(_ tty: String) -> Bool {
        ["ttyUSB", "ttyACM"].contains { prefix in
            tty.hasPrefix(prefix) && tty.dropFirst(prefix.count).first.map { ("0"..."9").contains($0) } == true
        }
    }

    /// The name of one tty, from the devices above it: its USB-serial port (which has
    /// `port_number`), its USB interface (`bInterfaceNumber`) and its USB device
    /// (`idVendor`). `nil` when there is no USB interface and device above it.
    private static func name(of tty: String, sysfs: SysfsRoot) -> String? {
        let device = SerialDeviceFile.resolvedPath(sysfs.appending("class/tty/\(tty)"))
        let root = SerialDeviceFile.resolvedPath(sysfs.path)
        var port: String?
        var interface: String?
        var directory = parent(of: device)
        while directory.count > root.count {
            if interface == nil, port == nil {
                port = attribute("port_number", of: directory)
            }
            if interface == nil {
                interface = attribute("bInterfaceNumber", of: directory)
            } else if let vendorID = attribute("idVendor", of: directory),
                      let productID = attribute("idProduct", of: directory)
            {
                let serial = identity(of: directory, vendorID: vendorID, productID: productID)
                return "usb-\(serial)-if\(interface ?? "")" + (port.map { "-port\($0)" } ?? "")
            }
            directory = parent(of: directory)
        }
        return nil
    }

    /// udev's `ID_SERIAL`: `<vendor>_<model>[_<serial>]`, at most 255 bytes.
    private static func identity(of usbDevice: String, vendorID: String, productID: String) -> String {
        let vendor = UdevNameText.sanitized(bytes("manufacturer", of: usbDevice) ?? Array(vendorID.utf8), limit: 63)
        let model = UdevNameText.sanitized(bytes("product", of: usbDevice) ?? Array(productID.utf8), limit: 63)
        var identity = vendor + [UInt8(ascii: "_")] + model
        // As Windows does, a serial number with other bytes is no serial number.
        if let serial = bytes("serial", of: usbDevice),
           serial.allSatisfy({ (0x20...0x7F).contains($0) && $0 != UInt8(ascii: ",") })
        {
            let cleaned = UdevNameText.sanitized(serial, limit: 511)
            if !cleaned.isEmpty {
                identity += [UInt8(ascii: "_")] + cleaned
            }
        }
        return String(decoding: identity.prefix(255), as: UTF8.self)
    }

    /// An attribute's bytes without the line end the kernel adds, as udev reads them.
    private static func bytes(_ attribute: String, of directory: String) -> [UInt8]? {
        guard var bytes = try? FileAccess.bytes(of: "\(directory)/\(attribute)") else { return nil }
        while let last = bytes.last, last == 0x0A || last == 0x0D {
            bytes.removeLast()
        }
        return bytes
    }

    /// A short attribute such as a number; `nil` when missing or empty.
    private static func attribute(_ attribute: String, of directory: String) -> String? {
        guard let bytes = bytes(attribute, of: directory), !bytes.isEmpty else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func parent(of path: String) -> String {
        String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    }
}
