import Glibc

/// A tty's termios settings in the terms of `SerialConfiguration`: raw mode (no echo, no
/// line editing, no character translation) plus framing, speed and flow control.
///
/// Swift imports the termios flags partly as `Int32` and partly as `UInt32`, so each is
/// converted to `tcflag_t` on its own before being combined.
struct TerminalAttributes {
    private(set) var raw: termios

    /// Reads the current settings of the terminal open on `descriptor`.
    init(descriptor: Int32) throws(SystemErrorCode) {
        var attributes = termios()
        guard tcgetattr(descriptor, &attributes) == 0 else { throw .current }
        raw = attributes
    }

    /// Writes the settings and discards whatever the line received before them.
    func apply(to descriptor: Int32) throws(SystemErrorCode) {
        var attributes = raw
        guard tcsetattr(descriptor, TCSANOW, &attributes) == 0 else { throw .current }
        guard tcflush(descriptor, TCIOFLUSH) == 0 else { throw .current }
    }

    /// Sets raw mode and the configuration. Returns the setting Linux has no value for, if any.
    mutating func configure(for configuration: SerialConfiguration) -> String? {
        guard let speed = Self.speeds[configuration.baudRate] else {
            return "baud rate \(configuration.baudRate)"
        }
        cfmakeraw(&raw)
        raw.c_cflag &= ~(tcflag_t(CSIZE) | tcflag_t(PARENB) | tcflag_t(PARODD) | tcflag_t(CSTOPB) | tcflag_t(CRTSCTS))
        // CLOCAL: no modem control lines, so an adapter without DCD still reads.
        raw.c_cflag |= tcflag_t(CREAD) | tcflag_t(CLOCAL) | Self.characterSize(configuration.dataBits)
        raw.c_iflag &= ~(tcflag_t(IXON) | tcflag_t(IXOFF) | tcflag_t(IXANY) | tcflag_t(INPCK) | tcflag_t(IGNPAR))
        switch configuration.parity {
        case .none: break
        case .even: raw.c_cflag |= tcflag_t(PARENB)
        case .odd: raw.c_cflag |= tcflag_t(PARENB) | tcflag_t(PARODD)
        }
        if configuration.parity != .none {
            // Check parity and drop bytes that fail it, rather than pass on a corrupted byte.
            raw.c_iflag |= tcflag_t(INPCK) | tcflag_t(IGNPAR)
        }
        if configuration.stopBits == .two {
            raw.c_cflag |= tcflag_t(CSTOPB)
        }
        switch configuration.flowControl {
        case .none: break
        case .hardware: raw.c_cflag |= tcflag_t(CRTSCTS)
        case .software: raw.c_iflag |= tcflag_t(IXON) | tcflag_t(IXOFF)
        }
        // Non-blocking reads make these moot, but a read returns as soon as one byte is there.
        withUnsafeMutableBytes(of: &raw.c_cc) { controlCharacters in
            controlCharacters[Int(VMIN)] = 1
            controlCharacters[Int(VTIME)] = 0
        }
        cfsetispeed(&raw, speed)
        cfsetospeed(&raw, speed)
        return nil
    }

    /// The configuration these settings express, as far as termios records it; `nil` when
    /// the speed or character size is none `configure` sets.
    var configuration: SerialConfiguration? {
        let speed = withUnsafePointer(to: raw) { cfgetospeed($0) }
        guard let baudRate = Self.speeds.first(where: { $0.value == speed })?.key,
            let dataBits = SerialConfiguration.DataBits.allCases.first(where: {
                raw.c_cflag & tcflag_t(CSIZE) == Self.characterSize($0)
            })
        else { return nil }
        let parity: SerialConfiguration.Parity =
            raw.c_cflag & tcflag_t(PARENB) == 0 ? .none : raw.c_cflag & tcflag_t(PARODD) == 0 ? .even : .odd
        let flowControl: SerialConfiguration.FlowControl =
            raw.c_cflag & tcflag_t(CRTSCTS) != 0 ? .hardware : raw.c_iflag & tcflag_t(IXON) != 0 ? .software : .none
        return SerialConfiguration(
            baudRate: baudRate,
            dataBits: dataBits,
            parity: parity,
            stopBits: raw.c_cflag & tcflag_t(CSTOPB) == 0 ? .one : .two,
            flowControl: flowControl
        )
    }

    /// True when nothing is echoed, edited or translated: what `cfmakeraw` sets.
    var isRaw: Bool {
        raw.c_lflag & (tcflag_t(ECHO) | tcflag_t(ICANON) | tcflag_t(ISIG) | tcflag_t(IEXTEN)) == 0
            && raw.c_oflag & tcflag_t(OPOST) == 0
            && raw.c_iflag & (tcflag_t(ICRNL) | tcflag_t(INLCR) | tcflag_t(IGNCR) | tcflag_t(ISTRIP)) == 0
    }

    private static func characterSize(_ bits: SerialConfiguration.DataBits) -> tcflag_t {
        switch bits {
        case .five: tcflag_t(CS5)
        case .six: tcflag_t(CS6)
        case .seven: tcflag_t(CS7)
        case .eight: tcflag_t(CS8)
        }
    }

    /// The rates Linux has a termios constant for.
    private static let speeds: [Int: speed_t] = [
        50: speed_t(B50), 75: speed_t(B75), 110: speed_t(B110), 134: speed_t(B134),
        150: speed_t(B150), 200: speed_t(B200), 300: speed_t(B300), 600: speed_t(B600),
        1200: speed_t(B1200), 1800: speed_t(B1800), 2400: speed_t(B2400), 4800: speed_t(B4800),
        9600: speed_t(B9600), 19200: speed_t(B19200), 38400: speed_t(B38400),
        57600: speed_t(B57600), 115_200: speed_t(B115200), 230_400: speed_t(B230400),
        460_800: speed_t(B460800), 500_000: speed_t(B500000), 576_000: speed_t(B576000),
        921_600: speed_t(B921600), 1_000_000: speed_t(B1000000), 1_152_000: speed_t(B1152000),
        1_500_000: speed_t(B1500000), 2_000_000: speed_t(B2000000), 2_500_000: speed_t(B2500000),
        3_000_000: speed_t(B3000000), 3_500_000: speed_t(B3500000), 4_000_000: speed_t(B4000000),
    ]
}
