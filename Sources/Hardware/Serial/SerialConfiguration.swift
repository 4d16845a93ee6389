/// How a serial line is framed and paced: what a device's data sheet says ("9600 8N1, no
/// flow control"), plus how long a write may wait for the line.
public struct SerialConfiguration: Sendable, Hashable {
    public enum DataBits: Int, Sendable, Hashable, CaseIterable {
        case five = 5, six, seven, eight
    }

    public enum Parity: String, Sendable, Hashable, CaseIterable {
        case none, even, odd
    }

    public enum StopBits: Int, Sendable, Hashable, CaseIterable {
        case one = 1, two
    }

    public enum FlowControl: String, Sendable, Hashable, CaseIterable {
        case none
        /// RTS/CTS lines.
        case hardware
        /// XON/XOFF characters; only for text protocols, since it steals two byte values.
        case software
    }

    /// Bits per second; one of the rates Linux's termios knows (50 … 4 000 000).
    public var baudRate: Int
    public var dataBits: DataBits
    public var parity: Parity
    public var stopBits: StopBits
    public var flowControl: FlowControl
    /// How long a write may wait for the kernel to take its bytes: with flow control a
    /// device can hold the line for ever, and a gateway must notice rather than hang.
    public var writeTimeout: Duration

    public init(
        baudRate: Int = 9600,
        dataBits: DataBits = .eight,
        parity: Parity = .none,
        stopBits: StopBits = .one,
        flowControl: FlowControl = .none,
        writeTimeout: Duration = .seconds(2)
    ) {
        self.baudRate = baudRate
        self.dataBits = dataBits
        self.parity = parity
        self.stopBits = stopBits
        self.flowControl = flowControl
        self.writeTimeout = writeTimeout
    }
}
