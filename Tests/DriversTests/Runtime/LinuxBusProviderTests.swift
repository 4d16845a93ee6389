import Drivers
import Foundation
import Hardware
import Simulators
import Synchronization
import Testing

/// The real buses' provider on a sysfs tree and a `/dev` made for the test.
@Suite(.timeLimit(.minutes(1)))
struct LinuxBusProviderTests {
    @Test func saysOnceWhenAByIDNameIsFoundWithoutItsLink() async throws {
        let machine = try TemporarySysfs()
        defer { machine.remove() }
        let sysfs = SysfsRoot(path: machine.path + "/sys")
        let dev = machine.path + "/dev"
        let adapter = try SimulatedUSBSerialAdapter(
            tty: "ttyUSB0", usbPath: "1-1", vendorID: "0403", productID: "6001",
            manufacturer: "FTDI", product: "FT232R USB UART", serial: "A50285BI", sysfs: sysfs, deviceDirectory: dev)
        let notices = Mutex<[String]>([])
        let buses = LinuxBusProvider(sysfs: sysfs, deviceDirectory: dev) { notice in notices.withLock { $0.append(notice) } }

        let path = dev + "/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0"
        let notice = { (port: String) in
            "serial port \(path): no such link (is udevd running?); opened \(port), the port udev would give that name"
        }
        try await buses.openSerialPort(path, configuration: SerialConfiguration()).close()
        #expect(notices.withLock { $0 } == [notice(adapter.terminal.path)])

        // Reopened after a fault: nothing new to say.
        try await buses.openSerialPort(path, configuration: SerialConfiguration()).close()
        #expect(notices.withLock { $0.count } == 1)

        // Re-plugged into another socket, the same adapter is ttyUSB1: worth saying again.
        try FileManager.default.removeItem(atPath: sysfs.appending("class/tty/ttyUSB0"))
        let replugged = try SimulatedUSBSerialAdapter(
            tty: "ttyUSB1", usbPath: "1-2", vendorID: "0403", productID: "6001",
            manufacturer: "FTDI", product: "FT232R USB UART", serial: "A50285BI", sysfs: sysfs, deviceDirectory: dev)
        try await buses.openSerialPort(path, configuration: SerialConfiguration()).close()
        #expect(notices.withLock { $0 } == [notice(adapter.terminal.path), notice(replugged.terminal.path)])
    }
}
