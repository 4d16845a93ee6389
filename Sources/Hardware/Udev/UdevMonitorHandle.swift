import CUdev

/// The libudev monitor and its context, used only on the monitor's queue (hence
/// `@unchecked Sendable`): `receive` in the read handler, `close` in the cancel handler.
final class UdevMonitorHandle: @unchecked Sendable {
    private let context: UdevContext
    private var monitor: OpaquePointer?
    let descriptor: Int32

    init(source: UdevMonitor.Source, subsystems: Set<String>) throws(UdevError) {
        context = try UdevContext()
        guard let monitor = udev_monitor_new_from_netlink(context.handle, source.rawValue) else {
            throw .monitorFailed(.current)
        }
        var result: Int32 = 0
        for subsystem in subsystems.sorted() where result >= 0 {
            result = udev_monitor_filter_add_match_subsystem_devtype(monitor, subsystem, nil)
        }
        if result >= 0 {
            result = udev_monitor_enable_receiving(monitor)
        }
        let descriptor = udev_monitor_get_fd(monitor)
        guard result >= 0, descriptor >= 0 else {
            udev_monitor_unref(monitor)
            throw .monitorFailed(SystemErrorCode(result < 0 ? -result : -descriptor))
        }
        self.monitor = monitor
        self.descriptor = descriptor
    }

    deinit {
        close()
    }

    /// The next pending event, without blocking (the monitor socket is non-blocking).
    func receive() -> UdevEvent? {
        guard let monitor, let device = udev_monitor_receive_device(monitor) else { return nil }
        defer { udev_device_unref(device) }
        let action = udev_device_get_action(device).map { String(cString: $0) } ?? "change"
        return UdevEvent(action: UdevEvent.Action(action), device: UdevDevice(device))
    }

    func close() {
        udev_monitor_unref(monitor)
        monitor = nil
    }
}
