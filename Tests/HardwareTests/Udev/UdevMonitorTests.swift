import Glibc
import Testing

@testable import Hardware

/// The hot-plug monitor on real kernel uevents. In the VM, creating a gpio-sim device
/// makes a new GPIO chip appear, and taking it down makes it go, exactly as plugging a USB
/// GPIO expander would. On a host, a synthetic "change" uevent of the first serial port
/// (written to its `uevent` file) proves that events arrive.
@Suite(.timeLimit(.minutes(1)))
struct UdevMonitorTests {
    @Test(.enabled(if: VirtualHardware.gpioSimulator?.configfs != nil, VirtualHardware.skipReason))
    func reportsAGPIOChipThatAppearsAndDisappears() async throws {
        let simulator = try #require(VirtualHardware.gpioSimulator)
        let configfs = try #require(simulator.configfs)
        let monitor = try UdevMonitor.start(matching: [UdevDeviceMatch(.gpioChip)], source: .available)
        var events = monitor.events.makeAsyncIterator()

        // A second gpio-sim device next to the VM's, made live and taken down again.
        let device = configfs.split(separator: "/").dropLast().joined(separator: "/") + "/hotplug"
        let path = "/" + device
        try #require(mkdir(path, 0o755) == 0 && mkdir(path + "/bank0", 0o755) == 0)
        defer {
            rmdir(path + "/bank0")
            rmdir(path)
        }
        try simulator.write("2", to: path + "/bank0/num_lines")
        try simulator.write("hotplug-test", to: path + "/bank0/label")
        try simulator.write("1", to: path + "/live")

        let added = try #require(try await events.next())
        #expect(added.action == .added)
        #expect(added.device.subsystem == "gpio")
        let node = try #require(added.device.deviceNode)
        #expect(node.hasPrefix("/dev/gpiochip"))
        #expect(try GPIOChip.open(path: node).label == "hotplug-test")

        try simulator.write("0", to: path + "/live")
        var removed = try #require(try await events.next())
        while removed.action != .removed {
            removed = try #require(try await events.next())
        }
        #expect(removed.device.deviceNode == node)

        await monitor.stop()
        #expect(try await events.next() == nil)
    }

    /// The host test needs a serial port whose `uevent` file root may write, and no udevd
    /// that would act on the event.
    static let syntheticEventReason: String? = {
        if VirtualHardware.environment("GW_VM") != nil { return "the VM runs the gpio-sim hot-plug test instead" }
        if geteuid() != 0 { return "writing a uevent file needs root" }
        if access("/run/udev/control", F_OK) == 0 { return "udevd runs here and would act on a synthetic event" }
        if access("/sys/class/tty/ttyS0/uevent", W_OK) != 0 { return "no writable /sys/class/tty/ttyS0/uevent" }
        return nil
    }()

    @Test(.enabled(if: syntheticEventReason == nil, Comment(rawValue: syntheticEventReason ?? "")))
    func reportsASyntheticChangeOfASerialPort() async throws {
        let monitor = try UdevMonitor.start(matching: [UdevDeviceMatch(.serialPort)], source: .kernel)
        var events = monitor.events.makeAsyncIterator()
        let uevent = open("/sys/class/tty/ttyS0/uevent", O_WRONLY | O_CLOEXEC)
        try #require(uevent >= 0)
        let written = write(uevent, "change", 6)
        close(uevent)
        try #require(written == 6)
        var event = try #require(try await events.next())
        while event.device.sysName != "ttyS0" {
            event = try #require(try await events.next())
        }
        #expect(event.action == .changed)
        #expect(event.device.deviceNode == "/dev/ttyS0")
        await monitor.stop()
    }

    @Test(.enabled(if: access("/run/udev/control", F_OK) != 0, "udevd runs here"))
    func refusesToWaitForUdevdWhereItDoesNotRun() {
        #expect(throws: UdevError.udevdNotRunning) {
            try UdevMonitor.start(matching: [UdevDeviceMatch(.serialPort)], source: .udev)
        }
    }
}
