import Dispatch

/// Calls a handler on a serial queue whenever a descriptor becomes readable — edge events
/// of a GPIO line, uevents of a udev monitor — with no thread blocked waiting for it: the
/// dispatch library watches all such descriptors from its own event thread.
///
/// `@unchecked Sendable`: a dispatch source may be cancelled from any thread, and its
/// handlers are set once, before it starts.
final class DescriptorWatch: @unchecked Sendable {
    private let source: any DispatchSourceRead

    /// Starts watching. `onReadable` and `onCancel` run on `queue`; `onCancel` runs once,
    /// after the last `onReadable`, and only then may the descriptor be closed.
    init(
        descriptor: Int32,
        queue: DispatchQueue,
        onReadable: @escaping @Sendable () -> Void,
        onCancel: @escaping @Sendable () -> Void
    ) {
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler(handler: onReadable)
        source.setCancelHandler(handler: onCancel)
        source.activate()
    }

    /// Stops watching; `onCancel` follows. Cancelling twice does nothing.
    func cancel() {
        source.cancel()
    }
}
