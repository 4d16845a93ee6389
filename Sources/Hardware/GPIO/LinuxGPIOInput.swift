import CGPIOD
import Dispatch
import Glibc
import Synchronization

/// An input line on Linux, requested through libgpiod (1.6 or 2.x) with its polarity, bias
/// and edge detection, and labelled `xmpp-iot-gateway` for `gpioinfo`.
///
/// Edge events are read when the kernel signals them (a dispatch read source on the
/// request's descriptor; no thread waits per line) and carry the kernel's timestamps.
/// Debouncing happens in the kernel where it can and otherwise in software, on `clock`.
public final class LinuxGPIOInput: GPIOInput {
    /// "gpiochip0 line 4 (button0)".
    public let line: String
    public let configuration: GPIOInputConfiguration
    public let edges: AsyncThrowingStream<GPIOEdgeEvent, any Error>
    public let debouncing: GPIODebouncing

    private let request: GPIOLineRequest
    private let source: DescriptorWatch?
    private let released: CompletionSignal

    private init(
        request: GPIOLineRequest,
        configuration: GPIOInputConfiguration,
        edges: AsyncThrowingStream<GPIOEdgeEvent, any Error>,
        debouncing: GPIODebouncing,
        source: DescriptorWatch?,
        released: CompletionSignal
    ) {
        self.request = request
        self.line = request.line
        self.configuration = configuration
        self.edges = edges
        self.debouncing = debouncing
        self.source = source
        self.released = released
    }

    deinit {
        // The source's cancel handler releases the line; without a source, the request's
        // own deinitialisation does.
        source?.cancel()
    }

    public static func request(
        _ selector: GPIOLineSelector,
        configuration: GPIOInputConfiguration = GPIOInputConfiguration(),
        consumer: String = GPIOChip.defaultConsumer,
        deviceDirectory: String = "/dev",
        clock: some Clock<Duration> = ContinuousClock()
    ) throws(GPIOError) -> LinuxGPIOInput {
        let (chip, offset) = try GPIOChip.locate(selector, deviceDirectory: deviceDirectory)
        let (handle, debouncing) = try requestLine(chip: chip, offset: offset, configuration: configuration, consumer: consumer)
        let request = GPIOLineRequest(handle: handle, line: chip.lineDescription(offset: offset))
        let released = CompletionSignal()
        let (edges, continuation) = AsyncThrowingStream<GPIOEdgeEvent, any Error>.makeStream()
        guard configuration.edges != .none else {
            continuation.finish()
            return LinuxGPIOInput(
                request: request, configuration: configuration, edges: edges, debouncing: .none,
                source: nil, released: released)
        }
        let (descriptor, initialValue) = try request.queue.sync {
            Result { () throws(GPIOError) -> (Int32, Bool) in
                (try request.eventDescriptor(), try request.value())
            }
        }.get()

        // Raw kernel events go straight out, or through the software debouncer.
        let rawEvents: AsyncThrowingStream<GPIOEdgeEvent, any Error>.Continuation
        if debouncing == .software {
            let (raw, rawContinuation) = AsyncThrowingStream<GPIOEdgeEvent, any Error>.makeStream()
            rawEvents = rawContinuation
            let debouncer = SoftwareDebouncer(
                initialValue: initialValue, period: configuration.debounce, reporting: configuration.edges,
                clock: clock, output: continuation)
            Task {
                do {
                    for try await event in raw {
                        await debouncer.receive(event)
                    }
                    await debouncer.finish()
                } catch {
                    await debouncer.finish(throwing: error)
                }
            }
        } else {
            rawEvents = continuation
        }

        // The descriptor belongs to the request: it is closed (the line released) only once
        // the watch stopped, in `onCancel`. A failed read ends the events and releases too.
        let watch = Mutex<DescriptorWatch?>(nil)
        let source = DescriptorWatch(
            descriptor: descriptor,
            queue: request.queue,
            onReadable: {
                do {
                    for event in try request.pendingEvents() {
                        rawEvents.yield(event)
                    }
                } catch {
                    rawEvents.finish(throwing: error)
                    watch.withLock { $0?.cancel() }
                }
            },
            onCancel: {
                request.release()
                rawEvents.finish()
                released.complete()
            })
        watch.withLock { $0 = source }
        return LinuxGPIOInput(
            request: request, configuration: configuration, edges: edges, debouncing: debouncing,
            source: source, released: released)
    }

    public func value() async throws(GPIOError) -> Bool {
        let request = self.request
        return try await request.queue.blockingCall { () throws(GPIOError) -> Bool in try request.value() }
    }

    /// Releases the line; `edges` then ends. Releasing twice does nothing.
    public func release() async {
        if let source {
            source.cancel()
            await released.wait()
        } else {
            let request = self.request
            await request.queue.blockingCall { request.release() }
        }
    }

    /// Requests the line, asking the kernel to debounce if a period is set; when the
    /// kernel (or libgpiod 1.6) cannot, requests both edges without debounce so that the
    /// software debouncer sees every change.
    private static func requestLine(
        chip: GPIOChip,
        offset: Int,
        configuration: GPIOInputConfiguration,
        consumer: String
    ) throws(GPIOError) -> (OpaquePointer, GPIODebouncing) {
        let microseconds = configuration.debounce.microseconds
        let wantsDebounce = configuration.edges != .none && microseconds > 0
        var handle: OpaquePointer?
        var result = cgpiod_request_input(
            chip.handle, UInt32(offset), consumer, configuration.activeLow, configuration.bias.shimValue,
            configuration.edges.shimValue, wantsDebounce ? microseconds : 0, &handle)
        var debouncing: GPIODebouncing = wantsDebounce ? .kernel : .none
        if wantsDebounce && result == -EOPNOTSUPP {
            result = cgpiod_request_input(
                chip.handle, UInt32(offset), consumer, configuration.activeLow, configuration.bias.shimValue,
                CGPIOD_EDGE_BOTH, 0, &handle)
            debouncing = .software
        }
        guard result == 0, let handle else {
            throw chip.requestError(offset: offset, code: -result)
        }
        return (handle, debouncing)
    }
}

extension Duration {
    /// Whole microseconds, rounded up so a short period is not lost, within `UInt32`.
    fileprivate var microseconds: UInt32 {
        let (seconds, attoseconds) = components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 0 }
        let total = seconds * 1_000_000 + (attoseconds + 999_999_999_999) / 1_000_000_000_000
        return UInt32(clamping: total)
    }
}
