import Glibc
import Simulators
import Testing

@testable import Hardware

/// The termios value the port writes, checked without a device: a pty would not keep data
/// bits and parity (see LinuxSerialPortTests).
@Suite struct TerminalAttributesTests {
    @Test(arguments: [
        SerialConfiguration(baudRate: 9600),
        SerialConfiguration(baudRate: 19200, dataBits: .seven, parity: .even, stopBits: .two, flowControl: .software),
        SerialConfiguration(baudRate: 115_200, parity: .odd, flowControl: .hardware),
        SerialConfiguration(baudRate: 50, dataBits: .five),
        SerialConfiguration(baudRate: 2400, dataBits: .six, parity: .odd, stopBits: .two),
    ])
    func framingSurvivesTheRoundTripThroughTermios(configuration: SerialConfiguration) throws {
        var attributes = try Self.cookedTerminal()
        #expect(!attributes.isRaw)
        #expect(attributes.configure(for: configuration) == nil)
        #expect(attributes.configuration == configuration)
        #expect(attributes.isRaw)
    }

    @Test func parityIsCheckedAndFailingBytesDropped() throws {
        var attributes = try Self.cookedTerminal()
        _ = attributes.configure(for: .init(parity: .even))
        #expect(attributes.raw.c_iflag & tcflag_t(INPCK) != 0)
        #expect(attributes.raw.c_iflag & tcflag_t(IGNPAR) != 0)
        _ = attributes.configure(for: .init(parity: .none))
        #expect(attributes.raw.c_iflag & tcflag_t(INPCK) == 0)
    }

    @Test func modemLinesAreIgnoredSoAnAdapterWithoutCarrierReads() throws {
        var attributes = try Self.cookedTerminal()
        _ = attributes.configure(for: .init())
        #expect(attributes.raw.c_cflag & tcflag_t(CLOCAL) != 0)
        #expect(attributes.raw.c_cflag & tcflag_t(CREAD) != 0)
    }

    @Test func namesARateLinuxDoesNotKnow() throws {
        var attributes = try Self.cookedTerminal()
        #expect(attributes.configure(for: .init(baudRate: 31250)) == "baud rate 31250")
    }

    /// A fresh pty's settings: the cooked defaults every tty starts with.
    private static func cookedTerminal() throws -> TerminalAttributes {
        let pty = try PseudoTerminal()
        let descriptor = open(pty.path, O_RDWR | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { throw TestFailure("open \(pty.path): errno \(errno)") }
        defer { close(descriptor) }
        return try TerminalAttributes(descriptor: descriptor)
    }
}
