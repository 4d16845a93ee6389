/// The `events` stream of a driver and the continuation that feeds it. Keeps the newest
/// events only when nobody reads them, so a device nobody listens to cannot grow memory.
struct DriverEventChannel: Sendable {
    static let bufferedEvents = 64

    let stream: AsyncStream<DriverEvent>
    private let continuation: AsyncStream<DriverEvent>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(Self.bufferedEvents))
    }

    func yield(_ event: DriverEvent) {
        continuation.yield(event)
    }

    func readings(_ readings: [FieldReading]) {
        continuation.yield(.readings(readings, time: .now))
    }

    func finish() {
        continuation.finish()
    }
}
