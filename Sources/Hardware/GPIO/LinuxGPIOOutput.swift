import CGPIOD
import Dispatch

/// An output line on Linux, requested through libgpiod (1.6 or 2.x) with its initial value,
/// polarity, drive and bias in one request, and labelled `xmpp-iot-gateway` for `gpioinfo`.
///
/// `release()` — and, failing that, deinitialisation — drives the configured safe value
/// before letting the line go, so a gateway that stops leaves heaters and relays off. (The
/// kernel keeps a released line's last value on real pins; gpio-sim resets it to its pull.)
public final class LinuxGPIOOutput: GPIOOutput {
    /// "gpiochip0 line 5 (relay0)".
    public let line: String
    public let configuration: GPIOOutputConfiguration
    private let request: GPIOLineRequest

    private init(request: GPIOLineRequest, configuration: GPIOOutputConfiguration) {
        self.request = request
        self.line = request.line
        self.configuration = configuration
    }

    deinit {
        let request = self.request
        let safeValue = configuration.safeValue
        request.queue.async {
            Self.releaseInSafeState(request, safeValue: safeValue)
        }
    }

    public static func request(
        _ selector: GPIOLineSelector,
        configuration: GPIOOutputConfiguration = GPIOOutputConfiguration(),
        consumer: String = GPIOChip.defaultConsumer,
        deviceDirectory: String = "/dev"
    ) throws(GPIOError) -> LinuxGPIOOutput {
        let (chip, offset) = try GPIOChip.locate(selector, deviceDirectory: deviceDirectory)
        var handle: OpaquePointer?
        let result = cgpiod_request_output(
            chip.handle, UInt32(offset), consumer, configuration.initialValue ? 1 : 0,
            configuration.activeLow, configuration.drive.shimValue, configuration.bias.shimValue, &handle)
        guard result == 0, let handle else {
            throw chip.requestError(offset: offset, code: -result)
        }
        let request = GPIOLineRequest(handle: handle, line: chip.lineDescription(offset: offset))
        return LinuxGPIOOutput(request: request, configuration: configuration)
    }

    public func set(_ active: Bool) async throws(GPIOError) {
        let request = self.request
        try await request.queue.blockingCall { () throws(GPIOError) in try request.set(active) }
    }

    public func value() async throws(GPIOError) -> Bool {
        let request = self.request
        return try await request.queue.blockingCall { () throws(GPIOError) -> Bool in try request.value() }
    }

    /// Drives the safe value and releases the line. Releasing twice does nothing.
    public func release() async {
        let request = self.request
        let safeValue = configuration.safeValue
        await request.queue.blockingCall {
            Self.releaseInSafeState(request, safeValue: safeValue)
        }
    }

    private static func releaseInSafeState(_ request: GPIOLineRequest, safeValue: Bool) {
        guard !request.isReleased else { return }
        // Best effort: a line that cannot be set any more is released all the same.
        try? request.set(safeValue)
        request.release()
    }
}
