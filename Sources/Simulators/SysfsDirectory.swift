import Hardware

/// A device directory in a simulated sysfs tree: attribute files written whole (a reader never
/// sees half a value, as with the kernel's attributes), and the directory removed and made
/// again to play a device leaving and coming back.
struct SysfsDirectory: Sendable {
    let path: String

    func create() throws {
        try FileAccess.createDirectory(path)
    }

    func write(_ text: String, to attribute: String) throws {
        try FileAccess.replace("\(path)/\(attribute)", with: Array(text.utf8), permissions: 0o644, durably: false)
    }

    func remove(_ attribute: String) throws {
        try FileAccess.remove("\(path)/\(attribute)")
    }

    func removeAll() throws {
        if FileAccess.isDirectory(path) {
            try FileAccess.remove(path)
        }
    }
}
