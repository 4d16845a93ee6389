/// An input line as drivers use it: a button, a reed contact, a PIR sensor. Values are
/// logical — `true` means active, whichever level that is on an active-low line.
///
/// `LinuxGPIOInput` is the real one; a simulator implements the same protocol.
public protocol GPIOInput: Sendable {
    func value() async throws(GPIOError) -> Bool
    /// The edges asked for when the line was requested, debounced if asked, in order. Ends
    /// when the line is released; throws a `GPIOError` if reading events failed. Empty for
    /// a line requested without edge detection. It has one consumer.
    var edges: AsyncThrowingStream<GPIOEdgeEvent, any Error> { get }
    /// Releases the line; `edges` then ends. Releasing twice does nothing.
    func release() async
}
