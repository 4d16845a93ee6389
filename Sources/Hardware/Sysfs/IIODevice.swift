import Dispatch

/// An Industrial I/O device: `<sysfs>/bus/iio/devices/iio:deviceN`, with a `name` (the
/// chip or driver, such as `bme280` or `dht11`) and `in_*` attribute files that hold its
/// readings as text. What the text means is the drivers' business (`IIODeviceSnapshot`).
public struct IIODevice: Sendable, Hashable {
    /// `iio:device0`. The number follows probe order; match devices by `name`.
    public var id: String
    public var path: String

    public init(id: String, sysfs: SysfsRoot = .system) {
        self.id = id
        self.path = sysfs.appending("\(Self.devicesDirectory)/\(id)")
    }

    static let devicesDirectory = "bus/iio/devices"

    /// The devices present now (not their triggers, also listed there), by id.
    public static func all(sysfs: SysfsRoot = .system) -> [IIODevice] {
        ids(sysfs: sysfs).sorted { $0.compare(numericallyTo: $1) }.map { IIODevice(id: $0, sysfs: sysfs) }
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

    /// The `name` attribute, without its line break.
    public func name() async throws(SysfsError) -> String {
        try await read("name").trimmingTrailingNewlines
    }

    public func read(_ attribute: String) async throws(SysfsError) -> String {
        let path = self.path
        let id = self.id
        return try await DispatchQueue.sysfs.blockingCall { () throws(SysfsError) -> String in
            try SysfsAttribute.read(attribute, of: path, device: id)
        }
    }

    /// The `name` and every `in_*` attribute, keyed by file name, read in one go — the
    /// input of `IIODeviceSnapshot`. A channel that fails to read fails the whole read: a
    /// reading with one channel silently missing would look complete.
    public func attributes() async throws(SysfsError) -> [String: String] {
        let path = self.path
        let id = self.id
        return try await DispatchQueue.sysfs.blockingCall { () throws(SysfsError) -> [String: String] in
            let entries: [String]
            do {
                entries = try FileAccess.entries(of: path)
            } catch {
                throw .deviceGone(id)
            }
            var attributes: [String: String] = [:]
            for entry in entries where entry == "name" || entry.hasPrefix("in_") {
                // Directories such as `in_*` event groups are not attributes.
                guard !FileAccess.isDirectory("\(path)/\(entry)") else { continue }
                attributes[entry] = try SysfsAttribute.read(entry, of: path, device: id)
            }
            return attributes
        }
    }

    private static func ids(sysfs: SysfsRoot) -> Set<String> {
        let entries = (try? FileAccess.entries(of: sysfs.appending(devicesDirectory))) ?? []
        return Set(entries.filter { $0.hasPrefix("iio:device") })
    }
}

extension String {
    /// `iio:device2` before `iio:device10`.
    fileprivate func compare(numericallyTo other: String) -> Bool {
        let number = Int(drop { !$0.isNumber }) ?? 0
        let otherNumber = Int(other.drop { !$0.isNumber }) ?? 0
        return number == otherNumber ? self < other : number < otherNumber
    }
}
