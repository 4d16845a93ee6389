import FoundationEssentials

/// A device directory in a simulated sysfs tree: attribute files written whole (a reader never
/// sees half a value, as with the kernel's attributes), and the directory removed and made
/// again to play a device leaving and coming back.
struct SysfsDirectory: Sendable {
    let path: String

    func create() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ text: String, to attribute: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(attribute)"), options: .atomic)
    }

    func remove(_ attribute: String) throws {
        try FileManager.default.removeItem(atPath: "\(path)/\(attribute)")
    }

    func removeAll() throws {
        if FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
    }
}
