import CGPIOD
import Dispatch

/// One requested line: libgpiod's request handle and the serial queue that is the only
/// place it is used, since a handle may be used from one thread at a time.
///
/// `@unchecked Sendable` because of that rule: every method below runs on `queue`, which
/// `dispatchPrecondition` checks in debug builds.
final class GPIOLineRequest: @unchecked Sendable {
    let queue: DispatchQueue
    /// "gpiochip0 line 5 (relay0)".
    let line: String
    private var handle: OpaquePointer?

    init(handle: OpaquePointer, line: String) {
        self.handle = handle
        self.line = line
        self.queue = DispatchQueue(label: "gpio \(line)")
    }

    deinit {
        cgpiod_request_release(handle)
    }

    func value() throws(GPIOError) -> Bool {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let handle else { throw .released(line: line) }
        let result = cgpiod_request_get_value(handle)
        guard result >= 0 else { throw .accessFailed(line: line, SystemErrorCode(-result)) }
        return result == 1
    }

    func set(_ active: Bool) throws(GPIOError) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let handle else { throw .released(line: line) }
        let result = cgpiod_request_set_value(handle, active ? 1 : 0)
        guard result == 0 else { throw .accessFailed(line: line, SystemErrorCode(-result)) }
    }

    /// The descriptor that becomes readable when edge events are pending.
    func eventDescriptor() throws(GPIOError) -> Int32 {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let handle else { throw .released(line: line) }
        let result = cgpiod_request_fd(handle)
        guard result >= 0 else { throw .accessFailed(line: line, SystemErrorCode(-result)) }
        return result
    }

    /// The events pending now, without blocking.
    func pendingEvents() throws(GPIOError) -> [GPIOEdgeEvent] {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let handle else { throw .released(line: line) }
        var events: [GPIOEdgeEvent] = []
        while true {
            var event = cgpiod_edge_event()
            let result = cgpiod_request_read_event(handle, &event)
            if result == 0 { return events }
            guard result == 1 else { throw .accessFailed(line: line, SystemErrorCode(-result)) }
            let edge: GPIOEdge = event.type == CGPIOD_EVENT_RISING_EDGE ? .rising : .falling
            events.append(GPIOEdgeEvent(edge: edge, timestamp: .nanoseconds(Int64(clamping: event.timestamp_ns))))
        }
    }

    /// Releases the line; later calls throw `.released`.
    func release() {
        dispatchPrecondition(condition: .onQueue(queue))
        cgpiod_request_release(handle)
        handle = nil
    }

    var isReleased: Bool {
        dispatchPrecondition(condition: .onQueue(queue))
        return handle == nil
    }
}
