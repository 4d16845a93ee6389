import Glibc
import NIOCore
import NIOPosix

/// A serial port on Linux: a tty opened exclusively, set to raw mode with the configured
/// framing, and read without blocking on a SwiftNIO event loop — no thread per port.
///
/// Open it by its node (`/dev/ttyUSB0`) or, better, by a stable link
/// (`/dev/serial/by-id/usb-FTDI_…`): USB adapters renumber across replugs and reboots
/// (pain point 3), so the link is resolved on every open and both names are kept. Where
/// udevd does not run there are no such links; a by-id name then still finds its port,
/// through the name udev would give it (`SerialByIDName`).
///
/// The port is locked two ways: `TIOCEXCL`, which makes the kernel refuse other opens of
/// the tty (except by root), and an exclusive `flock`, which other programs that lock
/// serial ports (pyserial's `exclusive=True`, another gateway) honour even as root.
public final class LinuxSerialPort: SerialPort {
    /// The path as given, such as a `/dev/serial/by-id` link.
    public let path: String
    /// The device node it led to when the port was opened, such as `/dev/ttyUSB0`.
    public let devicePath: String
    /// True when `path` is a `/dev/serial/by-id` name without its link, found through the
    /// name udev would give the port: a sign that udevd does not run.
    public let isFoundWithoutLink: Bool
    public let configuration: SerialConfiguration
    public let received: AsyncThrowingStream<[UInt8], any Error>

    private let channel: any Channel
    private let ending: SerialPortEnding
    private let clock: any Clock<Duration>

    private init(
        path: String,
        devicePath: String,
        isFoundWithoutLink: Bool,
        configuration: SerialConfiguration,
        received: AsyncThrowingStream<[UInt8], any Error>,
        channel: any Channel,
        ending: SerialPortEnding,
        clock: any Clock<Duration>
    ) {
        self.path = path
        self.devicePath = devicePath
        self.isFoundWithoutLink = isFoundWithoutLink
        self.configuration = configuration
        self.received = received
        self.channel = channel
        self.ending = ending
        self.clock = clock
    }

    deinit {
        channel.close(promise: nil)
    }

    /// Opens and configures the port. `clock` times the write timeout; `sysfs` is where the
    /// port of a by-id name without its link is looked for.
    public static func open(
        path: String,
        configuration: SerialConfiguration = SerialConfiguration(),
        sysfs: SysfsRoot = .system,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        clock: some Clock<Duration> = ContinuousClock()
    ) async throws(SerialPortError) -> LinuxSerialPort {
        let nodeWithoutLink = try SerialByIDName.nodeWithoutLink(path, sysfs: sysfs)
        let devicePath = SerialDeviceFile.resolvedPath(nodeWithoutLink ?? path)
        let descriptor = try SerialDeviceFile.open(path: nodeWithoutLink ?? path, configuration: configuration)
        guard let bootstrap = NIOPipeBootstrap(validatingGroup: eventLoopGroup) else {
            Glibc.close(descriptor)
            throw .openFailed(path: path, SystemErrorCode(EINVAL))
        }
        // NIO reads and writes through two descriptors. Given one, it makes the second with
        // dup(), which drops close-on-exec: any process spawned meanwhile would inherit the
        // port and hold its lock after we close it. So the second is made here, keeping it.
        let output = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard output >= 0 else {
            let code = SystemErrorCode.current
            Glibc.close(descriptor)
            throw .openFailed(path: path, code)
        }
        let ending = SerialPortEnding()
        let (received, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let channel: any Channel
        do {
            channel = try await bootstrap.channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = SerialChannelHandler(path: path, continuation: continuation, ending: ending)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .takingOwnershipOfDescriptors(input: descriptor, output: output).get()
        } catch {
            // A failed bootstrap leaves the descriptors to us.
            Glibc.close(descriptor)
            Glibc.close(output)
            let code = (error as? IOError)?.errnoCode ?? EIO
            throw .openFailed(path: path, SystemErrorCode(code))
        }
        return LinuxSerialPort(
            path: path,
            devicePath: devicePath,
            isFoundWithoutLink: nodeWithoutLink != nil,
            configuration: configuration,
            received: received,
            channel: channel,
            ending: ending,
            clock: clock
        )
    }

    public func write(_ bytes: [UInt8]) async throws(SerialPortError) {
        if let reason = ending.current {
            throw reason
        }
        guard !bytes.isEmpty else { return }
        let written = channel.eventLoop.makePromise(of: Void.self)
        channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: written)
        let outcome = await race(written.futureResult, timeout: configuration.writeTimeout)
        switch outcome {
        case .written:
            return
        case .timedOut:
            throw .writeTimedOut(path: path, after: configuration.writeTimeout)
        case .cancelled:
            throw .writeCancelled(path: path)
        case .failed(let reason):
            // The port may have ended meanwhile (unplugged), which says more than NIO's error.
            throw ending.current ?? .writeFailed(path: path, reason: reason)
        }
    }

    public func close() async {
        try? await channel.triggerUserOutboundEvent(SerialChannelHandler.Closing.byOwner).get()
        try? await channel.closeFuture.get()
    }

    private enum WriteOutcome: Sendable {
        case written, timedOut, cancelled
        case failed(String)
    }

    /// Waits for the write or the timeout, whichever comes first. On a timeout or a
    /// cancellation it closes the channel, which fails the pending write: NIO cannot take
    /// queued bytes back, and closing is also what lets the group's write task finish.
    private func race(_ written: EventLoopFuture<Void>, timeout: Duration) async -> WriteOutcome {
        let clock = self.clock
        let channel = self.channel
        let path = self.path
        return await withTaskGroup(of: WriteOutcome.self) { group in
            group.addTask {
                do {
                    try await written.get()
                    return .written
                } catch {
                    return .failed("\(error)")
                }
            }
            group.addTask {
                do {
                    try await clock.sleep(for: timeout)
                    return .timedOut
                } catch {
                    return .cancelled
                }
            }
            let first = await group.next() ?? .cancelled
            group.cancelAll()
            switch first {
            case .timedOut:
                channel.triggerUserOutboundEvent(
                    SerialChannelHandler.Closing.because(.writeTimedOut(path: path, after: timeout)), promise: nil)
            case .cancelled:
                channel.triggerUserOutboundEvent(
                    SerialChannelHandler.Closing.because(.writeCancelled(path: path)), promise: nil)
            case .written, .failed:
                break
            }
            return first
        }
    }
}
