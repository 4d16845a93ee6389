import Dispatch

/// A device on a 1-Wire bus as the kernel's w1 subsystem shows it:
/// `<sysfs>/bus/w1/devices/28-0000075c6f2b`, its family code first (0x28 is a DS18B20).
public struct OneWireDevice: Sendable, Hashable {
    /// The kernel's name for it, `28-0000075c6f2b`; stable across reboots and buses.
    public var id: String
    /// The family code, such as 0x28 (DS18B20) or 0x10 (DS18S20); `nil` if the name is odd.
    public var family: UInt8?
    public var path: String

    public init(id: String, sysfs: SysfsRoot = .system) {
        self.id = id
        self.family = id.split(separator: "-").first.flatMap { UInt8($0, radix: 16) }
        self.path = sysfs.appending("\(Self.devicesDirectory)/\(id)")
    }

    static let devicesDirectory = "bus/w1/devices"

    /// The devices present now, by id. None when the w1 subsystem is not loaded.
    public static func all(sysfs: SysfsRoot = .system) -> [OneWireDevice] {
        ids(sysfs: sysfs).sorted().map { OneWireDevice(id: $0, sysfs: sysfs) }
    }

    /// Devices that appear and disappear, looked for every `interval` on `clock`; the
    /// first changes are the devices present at the start.
    public static func changes(
        sysfs: SysfsRoot = .system,
        every interval: Duration = .seconds(5),
        clock: some Clock<Duration> = ContinuousClock()
    ) -> AsyncStream<SysfsDeviceChange> {
        SysfsDevicePresence.changes(every: interval, clock: clock) { ids(sysfs: sysfs) }
    }

    /// Reads an attribute, by default `w1_slave` (the scratchpad with the kernel's CRC
    /// verdict; `temperature` on newer kernels holds just the value). The read blocks
    /// while the kernel talks to the device — 750 ms for a DS18B20 conversion — so it runs
    /// off the event loop and the cooperative pool.
    public func read(_ attribute: String = "w1_slave") async throws(SysfsError) -> String {
        let path = self.path
        let id = self.id
        return try await DispatchQueue.sysfs.blockingCall { () throws(SysfsError) -> String in
            try SysfsAttribute.read(attribute, of: path, device: id)
        }
    }

    /// Writes `text` to an attribute, as w1_therm's `resolution`; blocks, like reading,
    /// while the kernel talks to the device.
    public func write(_ text: String, to attribute: String) async throws(SysfsError) {
        let path = self.path
        let id = self.id
        try await DispatchQueue.sysfs.blockingCall { () throws(SysfsError) in
            try SysfsAttribute.write(text, to: attribute, of: path, device: id)
        }
    }

    /// Device directories, without the bus masters (`w1_bus_master1`) listed beside them.
    private static func ids(sysfs: SysfsRoot) -> Set<String> {
        let entries = (try? FileAccess.entries(of: sysfs.appending(devicesDirectory))) ?? []
        return Set(entries.filter { !$0.hasPrefix("w1_bus_master") })
    }
}
