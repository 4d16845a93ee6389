import Drivers
import Hardware

/// Where an installed device is attached, as its configuration entry says, in the three
/// values the device runtime takes (`port`, `address`, `line`) — plus, for a serial adapter
/// named by its USB identity, the udev match that finds its port when it appears.
///
/// | model bus | keys | `port` | `address` | `line` |
/// |---|---|---|---|---|
/// | serial, modbus | `port`, `by_id` or `udev` | the device path (`by_id` under `/dev/serial/by-id/`); `nil` with `udev` | Modbus unit | – |
/// | i2c | `bus`, `address` | bus number, `/dev/i2c-N` path or adapter name | 7-bit address | – |
/// | gpio | `line`, `chip` | chip label, name or path | – | line name or offset |
/// | w1, iio | `port` | the sysfs id (`28-0000075c6f2b`, `iio:device0`) | – | – |
public struct DeviceAttachmentConfiguration: Sendable, Hashable {
    public var port: String?
    /// The configured address, else the model's default.
    public var address: Int?
    public var line: String?
    /// A serial adapter by vendor, product and serial number, resolved through libudev.
    public var udevMatch: UdevDeviceMatch?

    public init(port: String? = nil, address: Int? = nil, line: String? = nil, udevMatch: UdevDeviceMatch? = nil) {
        self.port = port
        self.address = address
        self.line = line
        self.udevMatch = udevMatch
    }

    /// Where `by_id` names are found.
    public static let serialByIDDirectory = "/dev/serial/by-id/"

    /// The attachment keys of a device entry.
    static let declarations: [SettingDeclaration] = [
        SettingDeclaration(
            "port", .string,
            doc: "Serial and Modbus: the device path. 1-Wire and IIO: the sysfs id (28-0000075c6f2b, iio:device0)."
        ),
        SettingDeclaration(
            "by_id", .string,
            doc: "Serial and Modbus: the name of the adapter's link in /dev/serial/by-id (computed from sysfs where udevd makes no links)."
        ),
        SettingDeclaration(
            "udev",
            .record([
                SettingDeclaration("vendor", .string, doc: "USB vendor id, four hex digits (0403)."),
                SettingDeclaration("product", .string, doc: "USB product id, four hex digits (6001)."),
                SettingDeclaration("serial", .string, doc: "The adapter's serial number."),
            ]),
            doc: "Serial and Modbus: the adapter by its USB identity, found again whenever it is plugged in."
        ),
        SettingDeclaration("bus", .string, doc: "I2C: the bus number (1), its /dev/i2c-N path or the adapter's name."),
        SettingDeclaration("address", .int, range: 0...0xFFFF, doc: "I2C address or Modbus unit; by default the model's."),
        SettingDeclaration("chip", .string, doc: "GPIO: the chip's label (pinctrl-bcm2711), name (gpiochip0) or path."),
        SettingDeclaration("line", .string, doc: "GPIO: the line's name (GPIO17) or, with chip, its offset (17)."),
    ]

    /// The keys each bus takes; the rest are refused on it.
    static func keys(for bus: Bus) -> [String] {
        switch bus {
        case .serial: ["port", "by_id", "udev"]
        case .modbus: ["port", "by_id", "udev", "address"]
        case .i2c: ["bus", "address"]
        case .gpio: ["chip", "line"]
        case .w1, .iio: ["port"]
        case .virtual: []
        }
    }

    /// Checks the attachment keys of `record` against the bus of `model` and gives the
    /// attachment; problems are appended to `errors`. A simulated device needs none.
    static func checked(
        _ record: SettingsRecord, model: DeviceModel, simulated: Bool, errors: inout [CatalogError]
    ) -> DeviceAttachmentConfiguration {
        let bus = model.bus
        let allowed = keys(for: bus)
        for key in declarations.map(\.key) where record.isWritten(key) && !allowed.contains(key) {
            errors.append(record.invalid(
                key, expected: "only \(allowed.joined(separator: ", ")) on bus \(bus.rawValue) (model \(model.id))",
                got: "\(key)"
            ))
        }
        var attachment = DeviceAttachmentConfiguration()
        func missing(_ key: String, _ expected: String) {
            guard !simulated else { return }
            errors.append(CatalogError(
                location: record.location, path: record.path(of: key),
                problem: .missingKey(expected: "\(expected) (model \(model.id) is on \(bus.rawValue))")
            ))
        }
        switch bus {
        case .serial, .modbus:
            let written = ["port", "by_id", "udev"].filter(record.isWritten)
            if written.count > 1 {
                errors.append(record.invalid(
                    written[1], expected: "one of port, by_id or udev", got: written.joined(separator: " and ")
                ))
            } else if written.isEmpty {
                missing("port", "port, by_id or udev")
            }
            if let port = record.string("port") {
                if !port.hasPrefix("/dev/") {
                    errors.append(record.invalid("port", expected: "a device path under /dev/", got: "\"\(port)\""))
                }
                attachment.port = port
            }
            if let name = record.string("by_id") {
                attachment.port = name.hasPrefix("/") ? name : serialByIDDirectory + name
                if name.hasPrefix("/"), !name.hasPrefix(serialByIDDirectory) {
                    errors.append(record.invalid(
                        "by_id", expected: "a link name in \(serialByIDDirectory), or its full path", got: "\"\(name)\""
                    ))
                }
            }
            if let udev = record.record("udev") {
                attachment.udevMatch = udevMatch(udev, errors: &errors)
            }
        case .i2c:
            if let text = record.string("bus") {
                attachment.port = text
            } else {
                missing("bus", "the I2C bus number or adapter name")
            }
        case .gpio:
            attachment.port = record.string("chip")
            if let line = record.string("line") {
                attachment.line = line
                if Int(line) != nil, attachment.port == nil {
                    errors.append(record.invalid(
                        "line", expected: "a line name, or chip together with a line offset", got: "offset \(line) without chip"
                    ))
                }
            } else {
                missing("line", "the GPIO line name or offset")
            }
        case .w1, .iio:
            if let id = record.string("port") {
                attachment.port = id
            } else {
                missing("port", "the device's sysfs id")
            }
        case .virtual:
            errors.append(record.invalid(
                "model", expected: "a device on a bus; \(model.id) is composed under thermostats", got: model.id
            ))
        }
        if allowed.contains("address") {
            attachment.address = record.int("address") ?? model.address
            if let address = attachment.address, let range = bus.addressRange, !range.contains(address) {
                errors.append(record.invalid(
                    "address", expected: "an address from \(range.lowerBound) to \(range.upperBound) on bus \(bus.rawValue)",
                    got: "\(address)"
                ))
            } else if attachment.address == nil {
                missing("address", "the device's address")
            }
        }
        return attachment
    }

    private static func udevMatch(_ record: SettingsRecord, errors: inout [CatalogError]) -> UdevDeviceMatch? {
        for key in ["vendor", "product"] {
            if let id = record.string(key), id.count != 4 || !id.allSatisfy(\.isHexDigit) {
                errors.append(record.invalid(key, expected: "a USB id of four hex digits, such as 0403", got: "\"\(id)\""))
            }
        }
        guard record.keys.contains(where: record.isWritten) else {
            errors.append(.invalid(at: record.location, record.path, expected: "at least one of vendor, product, serial", got: "none"))
            return nil
        }
        return UdevDeviceMatch(
            .serialPort, vendorID: record.string("vendor"), productID: record.string("product"), serial: record.string("serial")
        )
    }
}
