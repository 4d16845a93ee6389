/// Which devices a configuration means, by what stays the same when the device is
/// replugged or the system reboots: USB ids and serial number, a by-id or by-path link, a
/// chip label, any udev property. Fields left `nil` match anything.
public struct UdevDeviceMatch: Sendable, Hashable {
    public var deviceClass: UdevDeviceClass
    public var vendorID: String?
    public var productID: String?
    public var serial: String?
    /// A GPIO chip's label or an I2C adapter's name.
    public var name: String?
    /// A link the device's node must have, such as `/dev/serial/by-id/usb-FTDI_…`.
    public var link: String?
    /// udev properties that must have these values.
    public var properties: [String: String]

    public init(
        _ deviceClass: UdevDeviceClass,
        vendorID: String? = nil,
        productID: String? = nil,
        serial: String? = nil,
        name: String? = nil,
        link: String? = nil,
        properties: [String: String] = [:]
    ) {
        self.deviceClass = deviceClass
        self.vendorID = vendorID
        self.productID = productID
        self.serial = serial
        self.name = name
        self.link = link
        self.properties = properties
    }

    public func matches(_ device: UdevDevice) -> Bool {
        deviceClass.includes(device)
            && Self.agrees(vendorID, device.vendorID?.lowercased(), normalise: { $0.lowercased() })
            && Self.agrees(productID, device.productID?.lowercased(), normalise: { $0.lowercased() })
            && Self.agrees(serial, device.serial)
            && Self.agrees(name, device.name)
            && (link.map(device.links.contains) ?? true)
            && properties.allSatisfy { device.properties[$0.key] == $0.value }
    }

    private static func agrees(
        _ wanted: String?,
        _ actual: String?,
        normalise: (String) -> String = { $0 }
    ) -> Bool {
        guard let wanted else { return true }
        return actual == normalise(wanted)
    }
}
