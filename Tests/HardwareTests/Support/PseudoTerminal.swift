import Glibc

/// A pseudo-terminal pair made with `openpty`: the gateway opens the device side by path as
/// it would a USB adapter, and the test plays the device on the controlling side.
///
/// Closing the controlling side plays "unplugged": the kernel hangs the device side up, as
/// it does a USB adapter's tty, so reads there return end-of-file, poll reports POLLHUP and
/// writes fail with EIO (checked in LinuxSerialPortTests, not assumed).
final class PseudoTerminal {
    /// The device side, such as `/dev/pts/3`.
    let path: String
    private(set) var controller: Int32

    init() throws {
        var controller: Int32 = -1
        var device: Int32 = -1
        // openpty writes the device's name without a size; PATH_MAX is what glibc assumes.
        var name = [CChar](repeating: 0, count: Int(PATH_MAX))
        guard openpty(&controller, &device, &name, nil, nil) == 0 else {
            throw TestFailure("openpty: errno \(errno)")
        }
        self.controller = controller
        self.path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The gateway opens its own descriptor by path; the pair lives on through `controller`.
        Glibc.close(device)
    }

    deinit {
        closeController()
    }

    /// Plays the device unplugging.
    func closeController() {
        if controller >= 0 {
            Glibc.close(controller)
            controller = -1
        }
    }

    /// Sends bytes as the device.
    func send(_ bytes: [UInt8]) throws {
        let written = bytes.withUnsafeBytes { Glibc.write(controller, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw TestFailure("write to pty controller: \(written), errno \(errno)")
        }
    }

    /// Reads what the gateway sent until `count` bytes came or nothing more came within
    /// `milliseconds`.
    func receive(count: Int, milliseconds: Int32 = 5000) throws -> [UInt8] {
        var received: [UInt8] = []
        while received.count < count {
            var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, milliseconds) == 1 else { break }
            var chunk = [UInt8](repeating: 0, count: count - received.count)
            let read = chunk.withUnsafeMutableBytes { Glibc.read(controller, $0.baseAddress, $0.count) }
            guard read > 0 else { throw TestFailure("read from pty controller: errno \(errno)") }
            received += chunk.prefix(read)
        }
        return received
    }
}
