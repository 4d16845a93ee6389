import Glibc

/// The test's hands on gpio-sim: it reads what the gateway drives on an output and pulls
/// inputs up or down to make edges, through gpio-sim's sysfs attributes
/// (`sim_gpioN/value`, `sim_gpioN/pull`).
struct GPIOSimulator: Sendable {
    /// Chip label → the chip's sysfs directory.
    let chips: [String: String]
    /// The configfs directory of the VM's gpio-sim device; new devices go beside it.
    let configfs: String?

    /// The level on the simulated pin: 0 or 1.
    func level(chip label: String, offset: Int) throws -> Int {
        let text = try read("\(try directory(label))/sim_gpio\(offset)/value")
        guard let level = Int(text.filter(\.isNumber)) else {
            throw TestFailure("gpio-sim value \"\(text)\"")
        }
        return level
    }

    /// Pulls the simulated pin up or down, as a button or a sensor would.
    func pull(chip label: String, offset: Int, up: Bool) throws {
        try write(up ? "pull-up" : "pull-down", to: "\(try directory(label))/sim_gpio\(offset)/pull")
    }

    func directory(_ label: String) throws -> String {
        guard let directory = chips[label] else { throw TestFailure("no gpio-sim chip \(label) in \(chips)") }
        return directory
    }

    func write(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TestFailure("open \(path): errno \(errno)") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw TestFailure("write \(text) to \(path): errno \(errno)")
        }
    }

    private func read(_ path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw TestFailure("open \(path): errno \(errno)") }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw TestFailure("read \(path): errno \(errno)") }
        return String(decoding: buffer.prefix(count), as: UTF8.self)
    }
}
