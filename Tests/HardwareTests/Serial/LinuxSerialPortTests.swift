import Simulators
import Glibc
import Testing

@testable import Hardware

/// The serial back end on real pseudo-terminals: the test opens a pty pair and plays the
/// device on the controlling side.
@Suite(.timeLimit(.minutes(1)))
struct LinuxSerialPortTests {
    @Test func bytesFlowBothWaysUnchanged() async throws {
        let pty = try PseudoTerminal()
        let port = try await LinuxSerialPort.open(path: pty.path, configuration: .init(baudRate: 115_200))
        var received = port.received.makeAsyncIterator()

        let command: [UInt8] = Array("AT+PING\r\n".utf8) + [0x00, 0xFF, 0x7E]
        try await port.write(command)
        #expect(try pty.receive(count: command.count) == command)

        let reply: [UInt8] = Array("OK\r\n".utf8) + [0x00, 0x80, 0xFE, 0x11, 0x13]
        try pty.send(reply)
        var got: [UInt8] = []
        while got.count < reply.count, let chunk = try await received.next() {
            got += chunk
        }
        #expect(got == reply)
        await port.close()
    }

    @Test func opensThroughAStableLinkAndRemembersTheNode() async throws {
        let pty = try PseudoTerminal()
        let directory = try TemporaryDirectory()
        let link = try directory.link("serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0", to: pty.path)
        let port = try await LinuxSerialPort.open(path: link)
        #expect(port.path == link)
        #expect(port.devicePath == pty.path)
        await port.close()
    }

    @Test(arguments: [
        SerialConfiguration(baudRate: 9600),
        SerialConfiguration(baudRate: 19200, stopBits: .two, flowControl: .software),
        SerialConfiguration(baudRate: 115_200, flowControl: .hardware),
        SerialConfiguration(baudRate: 4_000_000),
    ])
    func setsRawModeSpeedStopBitsAndFlowControl(configuration: SerialConfiguration) async throws {
        let pty = try PseudoTerminal()
        let port = try await LinuxSerialPort.open(path: pty.path, configuration: configuration)
        // termios belongs to the tty, so a second descriptor reads what the port set.
        let observer = open(pty.path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        try #require(observer >= 0)
        defer { close(observer) }
        let attributes = try TerminalAttributes(descriptor: observer)
        var expected = configuration
        expected.writeTimeout = SerialConfiguration().writeTimeout
        #expect(attributes.configuration == expected)
        #expect(attributes.isRaw)
        await port.close()
    }

    @Test func aPtyKeepsEightBitsWithoutParityWhateverIsAsked() async throws {
        // Linux's pty driver forces CS8 and clears PARENB: it has no wire to frame. Data bits
        // and parity are therefore checked on the termios value (TerminalAttributesTests), and
        // the port verifies only the speed after tcsetattr.
        let pty = try PseudoTerminal()
        let port = try await LinuxSerialPort.open(
            path: pty.path, configuration: .init(dataBits: .seven, parity: .even))
        let observer = open(pty.path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        try #require(observer >= 0)
        defer { close(observer) }
        let applied = try #require(try TerminalAttributes(descriptor: observer).configuration)
        #expect(applied.dataBits == .eight)
        #expect(applied.parity == .none)
        await port.close()
    }

    @Test func refusesABaudRateLinuxHasNoSettingFor() async throws {
        let pty = try PseudoTerminal()
        await #expect(throws: SerialPortError.unsupportedSetting(path: pty.path, setting: "baud rate 12345")) {
            try await LinuxSerialPort.open(path: pty.path, configuration: .init(baudRate: 12345))
        }
    }

    @Test func holdsThePortExclusively() async throws {
        let pty = try PseudoTerminal()
        let port = try await LinuxSerialPort.open(path: pty.path)
        await #expect(throws: SerialPortError.busy(path: pty.path)) {
            try await LinuxSerialPort.open(path: pty.path)
        }
        // TIOCEXCL is set too: the kernel refuses other opens, except root's.
        let observer = open(pty.path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        if observer >= 0 {
            defer { close(observer) }
            var exclusive: Int32 = 0
            #expect(ioctl(observer, Self.tiocgexcl, &exclusive) == 0)
            #expect(exclusive == 1)
        } else {
            #expect(errno == EBUSY)
        }
        await port.close()
        // Closed, the port is free again.
        let reopened = try await LinuxSerialPort.open(path: pty.path)
        await reopened.close()
    }

    @Test func aPortUnpluggedMidReadEndsOnceAsGone() async throws {
        let pty = try PseudoTerminal()
        let port = try await LinuxSerialPort.open(path: pty.path)
        let (firstChunk, firstChunkArrived) = AsyncStream<[UInt8]>.makeStream()
        let reader = Task {
            do {
                for try await chunk in port.received {
                    firstChunkArrived.yield(chunk)
                }
                return SerialPortError?.none
            } catch {
                return error as? SerialPortError
            }
        }
        try pty.send([0x42])
        var chunks = firstChunk.makeAsyncIterator()
        #expect(await chunks.next() == [0x42])
        // The reader now waits for more; pull the plug.
        pty.closeController()
        #expect(await reader.value == .gone(path: pty.path))
        await #expect(throws: SerialPortError.gone(path: pty.path)) {
            try await port.write([0x01])
        }
        await port.close()
    }

    @Test func aWriteTheLineDoesNotTakeTimesOutAndClosesThePort() async throws {
        let pty = try PseudoTerminal()
        let clock = ManualClock()
        let port = try await LinuxSerialPort.open(
            path: pty.path, configuration: .init(writeTimeout: .seconds(2)), clock: clock)
        // Nobody reads the controlling side, so the pty's buffer fills and the write waits.
        let writer = Task {
            try await port.write([UInt8](repeating: 0x55, count: 1 << 20))
        }
        await clock.waitForSleepers()
        clock.advance(by: .seconds(2))
        let expected = SerialPortError.writeTimedOut(path: pty.path, after: .seconds(2))
        await #expect(throws: expected) { try await writer.value }
        await #expect(throws: expected) {
            for try await _ in port.received {}
        }
    }

    @Test func closingEndsTheReceivedBytesWithoutAnError() async throws {
        let pty = try PseudoTerminal()
        let port = try await LinuxSerialPort.open(path: pty.path)
        await port.close()
        var count = 0
        for try await _ in port.received { count += 1 }
        #expect(count == 0)
        await #expect(throws: SerialPortError.closed(path: pty.path)) {
            try await port.write([0x01])
        }
    }

    @Test func namesWhatIsWrongWithThePath() async throws {
        await #expect(throws: SerialPortError.notFound(path: "/dev/ttyUSB-hardware-tests-missing")) {
            try await LinuxSerialPort.open(path: "/dev/ttyUSB-hardware-tests-missing")
        }
        await #expect(throws: SerialPortError.notATerminal(path: "/dev/null")) {
            try await LinuxSerialPort.open(path: "/dev/null")
        }
    }

    @Test func aPtyDeviceSideIsHungUpOnceItsControllerIsClosed() throws {
        // What "unplugged" looks like on a pty, checked on the kernel rather than assumed:
        // closing the controlling side hangs the device side up, as unplugging a USB adapter
        // hangs up its tty — reads return end-of-file, poll reports POLLHUP, writes fail
        // with EIO.
        let pty = try PseudoTerminal()
        let device = open(pty.path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        try #require(device >= 0)
        defer { close(device) }
        pty.closeController()
        var byte: UInt8 = 0
        #expect(read(device, &byte, 1) == 0)
        var poller = pollfd(fd: device, events: Int16(POLLIN), revents: 0)
        #expect(poll(&poller, 1, 0) == 1)
        #expect(Int32(poller.revents) & POLLHUP != 0)
        #expect(write(device, &byte, 1) == -1)
        #expect(errno == EIO)
    }

    /// `_IOR('T', 0x40, int)` from <asm-generic/ioctls.h>; a function-like macro Swift cannot import.
    private static let tiocgexcl: UInt = 0x8004_5440

}
