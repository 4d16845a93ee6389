import Glibc
import Synchronization

/// A pseudo-terminal pair made with `openpty`: the gateway opens the device side by path as
/// it would a USB adapter, and a simulator (or a test) plays the device on the controlling
/// side.
///
/// Closing the controlling side plays "unplugged": the kernel hangs the device side up, as
/// it does a USB adapter's tty, so reads there return end-of-file, poll reports POLLHUP and
/// writes fail with EIO (checked in LinuxSerialPortTests, not assumed).
public final class PseudoTerminal: Sendable {
    /// The device side, such as `/dev/pts/3`.
    public let path: String
    private let descriptors: Mutex<(controller: Int32, device: Int32)>

    /// `keepsDeviceOpen` holds a descriptor of the device side open in raw mode for the pair's
    /// life. A simulator needs that: while no process has the device side open, the
    /// controlling side reads EIO at once, and a read watch on it would spin; and raw mode
    /// set before the gateway opens the port keeps the line discipline from echoing.
    public init(keepsDeviceOpen: Bool = false) throws(PseudoTerminalError) {
        var controller: Int32 = -1
        var device: Int32 = -1
        // openpty writes the device's name without a size; PATH_MAX is what glibc assumes.
        var name = [CChar](repeating: 0, count: Int(PATH_MAX))
        guard openpty(&controller, &device, &name, nil, nil) == 0 else {
            throw PseudoTerminalError(operation: "openpty", errno: errno)
        }
        path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if keepsDeviceOpen {
            var attributes = termios()
            tcgetattr(device, &attributes)
            cfmakeraw(&attributes)
            tcsetattr(device, TCSANOW, &attributes)
        } else {
            // The gateway opens its own descriptor by path; the pair lives on through `controller`.
            Glibc.close(device)
            device = -1
        }
        descriptors = Mutex((controller, device))
    }

    deinit {
        closeController()
    }

    /// The controlling side's descriptor; -1 once closed.
    public var controller: Int32 {
        descriptors.withLock { $0.controller }
    }

    /// Plays the device unplugging. Closing twice does nothing.
    public func closeController() {
        descriptors.withLock { descriptors in
            if descriptors.controller >= 0 {
                Glibc.close(descriptors.controller)
                descriptors.controller = -1
            }
            if descriptors.device >= 0 {
                Glibc.close(descriptors.device)
                descriptors.device = -1
            }
        }
    }

    /// Sends bytes as the device. On a non-blocking controller whose buffer is full (nobody
    /// reads the device side) it throws EAGAIN, as a UART would overrun.
    public func send(_ bytes: [UInt8]) throws(PseudoTerminalError) {
        let controller = self.controller
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(controller, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else {
                throw PseudoTerminalError(operation: "write to pty controller", errno: errno)
            }
            offset += written
        }
    }

    /// Reads what the gateway sent until `count` bytes came or nothing more came within
    /// `milliseconds`.
    public func receive(count: Int, milliseconds: Int32 = 5000) throws(PseudoTerminalError) -> [UInt8] {
        let controller = self.controller
        var received: [UInt8] = []
        while received.count < count {
            var poller = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, milliseconds) == 1 else { break }
            var chunk = [UInt8](repeating: 0, count: count - received.count)
            let read = chunk.withUnsafeMutableBytes { Glibc.read(controller, $0.baseAddress, $0.count) }
            guard read > 0 else { throw PseudoTerminalError(operation: "read from pty controller", errno: errno) }
            received += chunk.prefix(read)
        }
        return received
    }
}
