import Dispatch
import Glibc
import Synchronization

/// The device end of a simulated serial line: a pseudo-terminal pair whose device side the
/// gateway opens by path, exactly like a USB adapter, while the simulator reads what the
/// gateway sends and answers on the controlling side.
///
/// Bytes from the gateway arrive on the link's own queue, in order, in whatever chunks the
/// kernel delivered them. `unplug()` closes the controlling side: the kernel hangs the
/// gateway's side up, as when a USB adapter is pulled.
public final class SimulatedSerialLink: Sendable {
    /// The device side to open, such as `/dev/pts/3`.
    public let path: String
    private let terminal: PseudoTerminal
    private let queue: DispatchQueue
    private let watch: Mutex<(any DispatchSourceRead)?>

    /// `onReceive` is called on the link's queue with each chunk the gateway wrote; the bytes
    /// it returns are sent back at once (the device's answer, if any).
    public init(onReceive: @escaping @Sendable ([UInt8]) -> [UInt8]) throws(PseudoTerminalError) {
        terminal = try PseudoTerminal(keepsDeviceOpen: true)
        path = terminal.path
        queue = DispatchQueue(label: "simulated-serial \(terminal.path)")
        let controller = terminal.controller
        _ = fcntl(controller, F_SETFL, fcntl(controller, F_GETFL) | O_NONBLOCK)
        let source = DispatchSource.makeReadSource(fileDescriptor: controller, queue: queue)
        let terminal = self.terminal
        source.setEventHandler {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(terminal.controller, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            let answer = onReceive(Array(chunk.prefix(count)))
            if !answer.isEmpty {
                try? terminal.send(answer)
            }
        }
        source.setCancelHandler {
            terminal.closeController()
        }
        source.resume()
        watch = Mutex(source)
    }

    deinit {
        unplug()
    }

    /// Sends bytes as the device, on the link's queue after whatever it is doing. Bytes the
    /// gateway's side has no room for are lost, as on an overrun UART.
    public func send(_ bytes: [UInt8]) {
        let terminal = self.terminal
        queue.async {
            try? terminal.send(bytes)
        }
    }

    /// Plays the device being unplugged. The link cannot be plugged in again: make a new one.
    public func unplug() {
        let source = watch.withLock { watch in
            defer { watch = nil }
            return watch
        }
        source?.cancel()
    }
}
