import Drivers
import Hardware

/// A kernel IIO device as sysfs shows it: `<sysfs>/bus/iio/devices/iio:deviceN` with its
/// `name` and `in_*` attribute files, such as the kernel's `dht11` or `bme280` drivers
/// make them.
public final class SimulatedIIODevice: Sendable {
    public let id: String
    public let name: String
    private let directory: SysfsDirectory

    public init(id: String = "iio:device0", name: String, sysfs: SysfsRoot) throws {
        self.id = id
        self.name = name
        directory = SysfsDirectory(path: sysfs.appending("bus/iio/devices/\(id)"))
        try directory.create()
        try directory.write(name + "\n", to: "name")
    }

    /// A device with the channels its kernel driver offers, set to `values` (by field name:
    /// temperature in °C, humidity in %RH, pressure in Pa).
    public convenience init(
        id: String = "iio:device0", kernelDriver: IIOKernelDriver, name: String? = nil, values: [String: Double],
        sysfs: SysfsRoot
    ) throws {
        let name = name ?? kernelDriver.rawValue
        try self.init(id: id, name: name, sysfs: sysfs)
        for (channel, _) in kernelDriver.channels(deviceName: name) {
            try set(values[channel.type.defaultField] ?? 0, of: channel)
        }
    }

    /// Writes `<channel>_input` for a value in the gateway's unit (°C, %RH, Pa, V …),
    /// converted to the kernel's (milli-degrees, kilopascal …).
    public func set(_ value: Double, of channel: IIOChannel) throws {
        let kernelValue = value / channel.type.kernelUnitFactor
        try directory.write(Self.decimal(kernelValue) + "\n", to: channel.inputAttribute)
    }

    /// Writes `<channel>_raw` and, when given, the channel's `_scale` and `_offset`.
    public func setRaw(_ raw: Int, scale: Double? = nil, offset: Double? = nil, of channel: IIOChannel) throws {
        try directory.write("\(raw)\n", to: channel.rawAttribute)
        if let scale { try directory.write(Self.decimal(scale) + "\n", to: channel.attributePrefix + "_scale") }
        if let offset { try directory.write(Self.decimal(offset) + "\n", to: channel.attributePrefix + "_offset") }
    }

    /// Writes any attribute as text, such as a value the kernel would never print.
    public func setAttribute(_ attribute: String, to text: String) throws {
        try directory.write(text, to: attribute)
    }

    public func removeAttribute(_ attribute: String) throws {
        try directory.remove(attribute)
    }

    /// Plays the device going away (its driver unbound): the directory goes.
    public func unplug() throws {
        try directory.removeAll()
    }

    /// Up to six decimals, without trailing zeros, as the kernel prints fixed-point values.
    private static func decimal(_ value: Double) -> String {
        var text = String(cFormat: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
