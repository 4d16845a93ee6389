import Simulators
import Testing

@testable import Hardware

/// By-id names where udevd does not run: computed from a sysfs tree built as the kernel
/// makes it, and opened through ptys standing in for the adapters' ttys.
@Suite(.timeLimit(.minutes(1)))
struct SerialByIDNameTests {
    /// A `sys/` and a `dev/` in one temporary directory.
    private struct Machine {
        let directory: TemporaryDirectory
        let sysfs: SysfsRoot
        let dev: String

        init() throws {
            directory = try TemporaryDirectory()
            sysfs = SysfsRoot(path: try directory.makeDirectory("sys"))
            dev = try directory.makeDirectory("dev")
        }

        func plug(
            _ tty: String, at usbPath: String, _ vendorID: String, _ productID: String,
            manufacturer: String? = nil, product: String? = nil, serial: String? = nil, interface: String = "00"
        ) throws -> SimulatedUSBSerialAdapter {
            try SimulatedUSBSerialAdapter(
                tty: tty, usbPath: usbPath, vendorID: vendorID, productID: productID, manufacturer: manufacturer,
                product: product, serial: serial, interfaceNumber: interface, sysfs: sysfs, deviceDirectory: dev)
        }

        func byID(_ name: String) -> String { "\(dev)/serial/by-id/\(name)" }
    }

    @Test func namesCommonAdaptersAsUdevDoes() throws {
        let machine = try Machine()
        _ = try machine.plug("ttyUSB0", at: "1-1", "0403", "6001", manufacturer: "FTDI", product: "FT232R USB UART", serial: "A50285BI")
        // No manufacturer string and no serial number, as on the common CH340 boards.
        _ = try machine.plug("ttyUSB1", at: "1-2", "1a86", "7523", product: "USB Serial")
        _ = try machine.plug("ttyACM0", at: "1-3", "2341", "0043", manufacturer: "Arduino (www.arduino.cc)", serial: "75833353035351D0E1D1")
        // A tty with no USB device above it gets no name.
        try machine.directory.makeDirectory("sys/devices/platform/serial8250/tty/ttyS0")
        try machine.directory.link("sys/class/tty/ttyS0", to: "\(machine.sysfs.path)/devices/platform/serial8250/tty/ttyS0")

        #expect(SerialByIDName.present(sysfs: machine.sysfs) == [
            SerialByIDName(name: "usb-Arduino__www.arduino.cc__0043_75833353035351D0E1D1-if00", tty: "ttyACM0"),
            SerialByIDName(name: "usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0", tty: "ttyUSB0"),
            SerialByIDName(name: "usb-1a86_USB_Serial-if00-port0", tty: "ttyUSB1"),
        ])
    }

    @Test func cleansSpacesAndOddCharactersInTheStringsAsUdevDoes() throws {
        let machine = try Machine()
        _ = try machine.plug("ttyUSB0", at: "1-1", "10c4", "ea60", manufacturer: " Silicon Labs ",
                             product: "CP2102N  USB to UART Bridge (v2.0)/Ä", serial: "0001 A7")
        // A serial number with a comma is no serial number to udev.
        _ = try machine.plug("ttyUSB1", at: "1-2", "067b", "2303", manufacturer: "Prolific", product: "USB-Serial", serial: "12,34")

        #expect(SerialByIDName.present(sysfs: machine.sysfs).map(\.name) == [
            "usb-Silicon_Labs_CP2102N_USB_to_UART_Bridge__v2.0__Ä_0001_A7-if00-port0",
            "usb-Prolific_USB-Serial-if00-port0",
        ])
    }

    @Test func aDualPortAdapterGetsOneNamePerInterface() throws {
        let machine = try Machine()
        _ = try machine.plug("ttyUSB0", at: "1-1", "0403", "6010", manufacturer: "FTDI", product: "Dual RS232-HS", interface: "00")
        _ = try machine.plug("ttyUSB1", at: "1-1", "0403", "6010", manufacturer: "FTDI", product: "Dual RS232-HS", interface: "01")

        #expect(SerialByIDName.present(sysfs: machine.sysfs).map(\.name) == [
            "usb-FTDI_Dual_RS232-HS-if00-port0", "usb-FTDI_Dual_RS232-HS-if01-port0",
        ])
    }

    @Test func opensTheAdapterANameWithoutALinkMeans() async throws {
        let machine = try Machine()
        let first = try machine.plug("ttyUSB0", at: "1-1", "0403", "6001", manufacturer: "FTDI", product: "FT232R USB UART", serial: "A50285BI")
        // The same model again: only the serial number tells them apart.
        let second = try machine.plug("ttyUSB1", at: "1-2", "0403", "6001", manufacturer: "FTDI", product: "FT232R USB UART", serial: "A50285BJ")

        let path = machine.byID("usb-FTDI_FT232R_USB_UART_A50285BJ-if00-port0")
        let port = try await LinuxSerialPort.open(path: path, sysfs: machine.sysfs)
        #expect(port.path == path)
        #expect(port.devicePath == second.terminal.path)
        #expect(port.isFoundWithoutLink)
        try await port.write(Array("second".utf8))
        #expect(try second.terminal.receive(count: 6) == Array("second".utf8))
        await port.close()

        let other = try await LinuxSerialPort.open(path: machine.byID("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0"), sysfs: machine.sysfs)
        #expect(other.devicePath == first.terminal.path)
        await other.close()
    }

    @Test func aNameNoAdapterHasIsRefusedNamingWhatIsThere() async throws {
        let machine = try Machine()
        _ = try machine.plug("ttyUSB0", at: "1-1", "0403", "6001", manufacturer: "FTDI", product: "FT232R USB UART", serial: "A50285BI")
        let path = machine.byID("usb-FTDI_FT232R_USB_UART_XXXXXXXX-if00-port0")

        await #expect(throws: SerialPortError.byIDNameNotFound(
            path: path, present: [SerialByIDName(name: "usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0", tty: "ttyUSB0")]
        )) {
            try await LinuxSerialPort.open(path: path, sysfs: machine.sysfs)
        }
        let error = SerialPortError.byIDNameNotFound(
            path: path, present: [SerialByIDName(name: "usb-1a86_USB_Serial-if00-port0", tty: "ttyUSB3")])
        #expect(error.description == "serial port \(path) not found: no such link, "
            + "and no USB serial port present has that by-id name; present: usb-1a86_USB_Serial-if00-port0 (ttyUSB3)")
        #expect(SerialPortError.byIDNameNotFound(path: path, present: []).description.hasSuffix("; none is present"))
    }

    @Test func aLinkThatExistsIsFollowedWithoutComputingNames() async throws {
        let machine = try Machine()
        let adapter = try machine.plug("ttyUSB0", at: "1-1", "0403", "6001", manufacturer: "FTDI", product: "FT232R USB UART", serial: "A50285BI")
        // udevd's link under a name the computation would not give.
        let link = try machine.directory.link("dev/serial/by-id/usb-renamed-by-a-rule", to: adapter.terminal.path)

        let port = try await LinuxSerialPort.open(path: link, sysfs: machine.sysfs)
        #expect(port.devicePath == adapter.terminal.path)
        #expect(!port.isFoundWithoutLink)
        await port.close()
    }
}
