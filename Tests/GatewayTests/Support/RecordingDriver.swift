import Drivers
import Synchronization

/// A driver that stands in for one when a test feeds the runtime itself: it records writes
/// and fails them on request. Readings reach the runtime through `ingest`, not through here.
final class RecordingDriver: DeviceDriver {
    let model: DeviceModel
    let events: AsyncStream<DriverEvent>
    private let written = Mutex<[String: FieldValue]>([:])
    private let writeFailure = Mutex<DeviceDriverError?>(nil)

    /// A driver whose event stream carries `events`, then ends.
    init(model: DeviceModel, events: [DriverEvent] = []) {
        self.model = model
        self.events = AsyncStream { continuation in
            for event in events { continuation.yield(event) }
            continuation.finish()
        }
    }

    var writes: [String: FieldValue] { written.withLock { $0 } }

    func failWrites(with error: DeviceDriverError) {
        writeFailure.withLock { $0 = error }
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        throw .timeout(.seconds(1))
    }

    func write(_ value: FieldValue, to parameter: String) async throws(DeviceDriverError) {
        if let error = writeFailure.withLock({ $0 }) { throw error }
        written.withLock { $0[parameter] = value }
    }

    func stop() async {}
}
