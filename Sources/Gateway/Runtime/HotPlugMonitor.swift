import Hardware
import Logging

/// Hot-plug by udev events: when a serial port, GPIO chip or I2C bus is added, every device
/// that is not open tries again at once instead of at its next retry. The retries (every
/// 10 s) remain the way back where no events can be had, such as a container without the
/// udev netlink socket.
enum HotPlugMonitor {
    static let watched: [UdevDeviceMatch] = [.init(.serialPort), .init(.gpioChip), .init(.i2cBus)]

    /// Runs until cancelled, calling `deviceAdded` for each addition.
    static func run(logger: Logger, deviceAdded: @escaping @Sendable () async -> Void) async {
        let monitor: UdevMonitor
        let source = UdevMonitor.Source.available
        do {
            monitor = try UdevMonitor.start(matching: watched, source: source)
            logger.info("hot-plug: listening to \(source == .udev ? "udevd's" : "the kernel's") events for serial ports, GPIO chips and I2C buses")
        } catch {
            logger.notice("hot-plug: no udev events (\(error)); a missing device is looked for every 10 s")
            return
        }
        await withTaskCancellationHandler {
            do {
                for try await event in monitor.events where event.action == .added {
                    logger.info("hot-plug: \(event.device.deviceNode ?? event.device.sysPath) added")
                    await deviceAdded()
                }
            } catch {
                logger.notice("hot-plug: udev events ended (\(error)); a missing device is looked for every 10 s")
            }
        } onCancel: {
            Task { await monitor.stop() }
        }
    }
}
