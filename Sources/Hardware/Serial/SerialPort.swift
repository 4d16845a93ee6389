/// A serial line as drivers see it: the bytes it receives and a way to send some.
///
/// `LinuxSerialPort` is the real one (a tty under termios, read on a SwiftNIO event loop);
/// a simulator stands in through the same protocol.
public protocol SerialPort: Sendable {
    /// The received bytes, in order, in the chunks they arrived in. The sequence ends
    /// normally when the port is closed by its owner and throws a `SerialPortError` when it
    /// ends for any other reason — `.gone` when the device vanished. It has one consumer.
    var received: AsyncThrowingStream<[UInt8], any Error> { get }

    /// Sends the bytes, returning once the kernel has taken them all.
    func write(_ bytes: [UInt8]) async throws(SerialPortError)

    /// Closes the port; `received` then ends. Closing twice does nothing.
    func close() async
}
