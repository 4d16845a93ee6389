import CUdev

/// A device as udev knows it: its node, the stable links to that node, and who made it —
/// what a person picks a serial adapter by when `ttyUSB0` became `ttyUSB1` (pain point 3).
public struct UdevDevice: Sendable, Hashable {
    public var subsystem: String
    /// `/sys/devices/…`; unique while the device is plugged in.
    public var sysPath: String
    /// `ttyUSB0`, `gpiochip0`, `i2c-1`.
    public var sysName: String
    /// `/dev/ttyUSB0`.
    public var deviceNode: String?
    /// The node's stable links: `/dev/serial/by-id/…`, `/dev/serial/by-path/…`. From the
    /// udev database, so empty where udevd does not run.
    public var links: [String]
    /// udev's properties: `ID_VENDOR_ID`, `ID_MODEL`, `ID_SERIAL_SHORT`, `ID_PATH`, ….
    public var properties: [String: String]
    /// The sysfs attributes the gateway reads: a tty's `type`, a GPIO chip's `label`, an
    /// I2C adapter's `name`, and a USB device's `idVendor`, `idProduct`, `manufacturer`,
    /// `product` and `serial` (prefixed `usb.`), which identify an adapter even without
    /// the udev database.
    public var attributes: [String: String]
    /// False for virtual devices (`/sys/devices/virtual/…`): ptys, consoles.
    public var hasParent: Bool

    public init(
        subsystem: String,
        sysPath: String,
        sysName: String,
        deviceNode: String? = nil,
        links: [String] = [],
        properties: [String: String] = [:],
        attributes: [String: String] = [:],
        hasParent: Bool = true
    ) {
        self.subsystem = subsystem
        self.sysPath = sysPath
        self.sysName = sysName
        self.deviceNode = deviceNode
        self.links = links
        self.properties = properties
        self.attributes = attributes
        self.hasParent = hasParent
    }

    /// The USB vendor id, `0403` for FTDI.
    public var vendorID: String? { properties["ID_VENDOR_ID"] ?? attributes["usb.idVendor"] }
    /// The USB product id, `6001` for an FT232R.
    public var productID: String? { properties["ID_MODEL_ID"] ?? attributes["usb.idProduct"] }
    public var vendor: String? {
        properties["ID_VENDOR_FROM_DATABASE"] ?? properties["ID_VENDOR"] ?? attributes["usb.manufacturer"]
    }
    public var product: String? {
        properties["ID_MODEL_FROM_DATABASE"] ?? properties["ID_MODEL"] ?? attributes["usb.product"]
    }
    /// The serial number the device reports, which tells two identical adapters apart.
    public var serial: String? { properties["ID_SERIAL_SHORT"] ?? attributes["usb.serial"] }
    /// A GPIO chip's label or an I2C adapter's name.
    public var name: String? { attributes["label"] ?? attributes["name"] }

    /// Every device of a class present now.
    public static func all(_ deviceClass: UdevDeviceClass) throws(UdevError) -> [UdevDevice] {
        let context = try UdevContext()
        return try context.devices(subsystem: deviceClass.subsystem)
            .filter(deviceClass.includes)
            .sorted { $0.sysPath < $1.sysPath }
    }

    /// Copies what the gateway needs out of a libudev device, which is not thread-safe and
    /// must not outlive its context.
    init(_ device: OpaquePointer) {
        subsystem = Self.text(udev_device_get_subsystem(device)) ?? ""
        sysPath = Self.text(udev_device_get_syspath(device)) ?? ""
        sysName = Self.text(udev_device_get_sysname(device)) ?? ""
        deviceNode = Self.text(udev_device_get_devnode(device))
        links = Self.names(udev_device_get_devlinks_list_entry(device)).map(\.name)
        properties = Dictionary(
            Self.names(udev_device_get_properties_list_entry(device)).map { ($0.name, $0.value ?? "") },
            uniquingKeysWith: { first, _ in first })
        hasParent = udev_device_get_parent(device) != nil
        var attributes: [String: String] = [:]
        for attribute in ["type", "label", "name"] {
            attributes[attribute] = Self.text(udev_device_get_sysattr_value(device, attribute))?.trimmingTrailingNewlines
        }
        // The parent is owned by the child device; no unref.
        if let usb = udev_device_get_parent_with_subsystem_devtype(device, "usb", "usb_device") {
            for attribute in ["idVendor", "idProduct", "manufacturer", "product", "serial"] {
                attributes["usb." + attribute] = Self.text(udev_device_get_sysattr_value(usb, attribute))?
                    .trimmingTrailingNewlines
            }
        }
        self.attributes = attributes
    }

    private static func text(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func names(_ first: OpaquePointer?) -> [(name: String, value: String?)] {
        var entries: [(String, String?)] = []
        var entry = first
        while let current = entry {
            if let name = text(udev_list_entry_get_name(current)) {
                entries.append((name, text(udev_list_entry_get_value(current))))
            }
            entry = udev_list_entry_get_next(current)
        }
        return entries
    }
}
