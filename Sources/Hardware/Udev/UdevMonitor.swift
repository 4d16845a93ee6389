import CUdev
import Dispatch
import Glibc
import Synchronization

/// Hot-plug events for the devices a registry cares about: a USB adapter plugged in, a GPIO
/// chip that appeared, an I2C bus whose driver loaded.
///
/// Events come from udevd once it has processed them (`.udev`: links and properties are
/// there) or straight from the kernel (`.kernel`: for systems without udevd, such as the
/// test VM). The descriptor is watched by dispatch, so no thread waits for events.
///
/// A removal event from the kernel carries no udev properties and the device's sysfs
/// attributes are gone by then, so a match by vendor or serial number only sees removals
/// from udevd; a registry can always recognise a removal by `sysPath` or `deviceNode`.
public final class UdevMonitor: Sendable {
    public enum Source: String, Sendable, Hashable {
        /// Events after udevd processed them.
        case udev
        /// Raw kernel uevents.
        case kernel

        /// `.udev` where udevd runs, else `.kernel`.
        public static var available: Source {
            access("/run/udev/control", F_OK) == 0 ? .udev : .kernel
        }
    }

    /// Events for devices that match any of the matches, in order. Ends when stopped.
    public let events: AsyncThrowingStream<UdevEvent, any Error>

    private let watch: DescriptorWatch
    private let stopped: CompletionSignal

    private init(events: AsyncThrowingStream<UdevEvent, any Error>, watch: DescriptorWatch, stopped: CompletionSignal) {
        self.events = events
        self.watch = watch
        self.stopped = stopped
    }

    deinit {
        watch.cancel()
    }

    /// Starts listening. Events that happen from here on are reported; pair with
    /// `UdevDevice.all(_:)` for what was there before.
    public static func start(matching matches: [UdevDeviceMatch], source: Source = .udev) throws(UdevError) -> UdevMonitor {
        // libudev itself would quietly listen to nothing.
        if source == .udev && access("/run/udev/control", F_OK) != 0 {
            throw .udevdNotRunning
        }
        let monitor = try UdevMonitorHandle(source: source, subsystems: Set(matches.map(\.deviceClass.subsystem)))
        let (events, continuation) = AsyncThrowingStream<UdevEvent, any Error>.makeStream()
        let stopped = CompletionSignal()
        let queue = DispatchQueue(label: "udev monitor")
        let watch = DescriptorWatch(
            descriptor: monitor.descriptor,
            queue: queue,
            onReadable: {
                while let event = monitor.receive() {
                    if matches.contains(where: { $0.matches(event.device) }) {
                        continuation.yield(event)
                    }
                }
            },
            onCancel: {
                monitor.close()
                continuation.finish()
                stopped.complete()
            })
        return UdevMonitor(events: events, watch: watch, stopped: stopped)
    }

    /// Stops listening; `events` then ends.
    public func stop() async {
        watch.cancel()
        await stopped.wait()
    }
}
