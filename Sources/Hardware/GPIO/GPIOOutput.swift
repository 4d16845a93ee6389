/// An output line as drivers use it: a relay, a LED, a heater. Values are logical — `true`
/// means active, whichever level that is on an active-low line.
///
/// `LinuxGPIOOutput` is the real one; a simulator implements the same protocol.
public protocol GPIOOutput: Sendable {
    func set(_ active: Bool) async throws(GPIOError)
    /// The value the line is driven to.
    func value() async throws(GPIOError) -> Bool
    /// Drives the safe value and releases the line. Releasing twice does nothing.
    func release() async
}
