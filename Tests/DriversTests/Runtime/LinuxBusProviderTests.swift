import Drivers
import Hardware
import Simulators
import Synchronization
import Testing

/// The real buses' provider on a sysfs tree and a `/dev` made for the test.
@Suite(.timeLimit(.minutes(1)))
struct LinuxBusProviderTests {
    @Test func saysSoWhenAByIDNameIsFoundWithoutItsLink() async throws {
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
        let port = try await buses.openSerialPort(path, configuration: SerialConfiguration())
        #expect(notices.withLock { $0 } == [
            "serial port \(path): no such link (is udevd running?); opened \(adapter.terminal.path), "
                + "the port udev would give that name",
        ])
        await port.close()
    }
}
