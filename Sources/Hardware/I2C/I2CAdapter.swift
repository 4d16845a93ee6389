/// An I2C adapter the kernel knows: bus number and adapter name, such as
/// 1 and "bcm2835 (i2c@7e804000)", or the "SMBus stub driver" of `i2c-stub`.
///
/// Bus numbers depend on probe order, so a configuration may name the adapter instead and
/// work on whichever number it got.
public struct I2CAdapter: Sendable, Hashable, CustomStringConvertible {
    public var number: Int
    public var name: String

    public init(number: Int, name: String) {
        self.number = number
        self.name = name
    }

    /// Every adapter listed in sysfs (`bus/i2c/devices/i2c-N/name`), by number. Adapters
    /// exist there whether or not `i2c-dev` made a `/dev/i2c-N` for them.
    public static func all(sysfs: SysfsRoot = .system) -> [I2CAdapter] {
        let directory = sysfs.appending("bus/i2c/devices")
        let entries = (try? FileAccess.entries(of: directory)) ?? []
        return entries.compactMap { entry -> I2CAdapter? in
            guard entry.hasPrefix("i2c-"), let number = Int(entry.dropFirst(4)),
                let name = try? FileAccess.text(of: "\(directory)/\(entry)/name")
            else { return nil }
            return I2CAdapter(number: number, name: name.trimmingTrailingNewlines)
        }
        .sorted { $0.number < $1.number }
    }

    /// "i2c-1 (bcm2835 (i2c@7e804000))".
    public var description: String {
        "i2c-\(number) (\(name))"
    }
}
