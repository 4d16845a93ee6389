/// A 1-Wire or IIO device that appeared or disappeared, by its sysfs name
/// (`28-0000075c6f2b`, `iio:device0`).
public enum SysfsDeviceChange: Sendable, Hashable {
    case appeared(String)
    case disappeared(String)
}
