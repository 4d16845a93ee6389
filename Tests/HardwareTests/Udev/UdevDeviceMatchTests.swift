import Testing

@testable import Hardware

/// Matching devices by what survives replugging: ids, serial number, links, names.
@Suite struct UdevDeviceMatchTests {
    /// An FTDI adapter as udevd describes it.
    let ftdi = UdevDevice(
        subsystem: "tty",
        sysPath: "/sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.3/1-1.3:1.0/ttyUSB0/tty/ttyUSB0",
        sysName: "ttyUSB0",
        deviceNode: "/dev/ttyUSB0",
        links: [
            "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0",
            "/dev/serial/by-path/platform-fd500000.pcie-pci-0000:01:00.0-usb-0:1.3:1.0-port0",
        ],
        properties: ["ID_VENDOR_ID": "0403", "ID_MODEL_ID": "6001", "ID_SERIAL_SHORT": "A50285BI", "ID_VENDOR": "FTDI"])

    /// The same adapter where no udevd runs: identity from the USB device's attributes.
    let ftdiWithoutUdevd = UdevDevice(
        subsystem: "tty", sysPath: "/sys/devices/…/ttyUSB1", sysName: "ttyUSB1", deviceNode: "/dev/ttyUSB1",
        attributes: ["usb.idVendor": "0403", "usb.idProduct": "6001", "usb.serial": "A50285BI", "usb.manufacturer": "FTDI"])

    @Test func matchesByUSBIdsAndSerialWithOrWithoutUdevd() {
        let match = UdevDeviceMatch(.serialPort, vendorID: "0403", productID: "6001", serial: "A50285BI")
        #expect(match.matches(ftdi))
        #expect(match.matches(ftdiWithoutUdevd))
        #expect(ftdiWithoutUdevd.vendor == "FTDI")
        #expect(!UdevDeviceMatch(.serialPort, serial: "A9XYZ").matches(ftdi))
    }

    @Test func vendorIdsMatchWhateverTheirCase() {
        var device = ftdi
        device.properties["ID_VENDOR_ID"] = "10C4"
        #expect(UdevDeviceMatch(.serialPort, vendorID: "10c4").matches(device))
    }

    @Test func matchesByLinkAndProperty() {
        #expect(UdevDeviceMatch(.serialPort, link: "/dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0").matches(ftdi))
        #expect(UdevDeviceMatch(.serialPort, properties: ["ID_VENDOR": "FTDI"]).matches(ftdi))
        #expect(!UdevDeviceMatch(.serialPort, properties: ["ID_VENDOR": "Prolific"]).matches(ftdi))
    }

    @Test func aMatchIsForOneClassOfDevice() {
        #expect(!UdevDeviceMatch(.gpioChip).matches(ftdi))
        let chip = UdevDevice(subsystem: "gpio", sysPath: "/sys/devices/platform/soc/gpiochip0", sysName: "gpiochip0",
                              deviceNode: "/dev/gpiochip0")
        #expect(UdevDeviceMatch(.gpioChip).matches(chip))
        // The legacy sysfs interface's entries have no device node.
        let legacy = UdevDevice(subsystem: "gpio", sysPath: "/sys/devices/platform/soc/gpio/gpiochip512", sysName: "gpiochip512")
        #expect(!UdevDeviceMatch(.gpioChip).matches(legacy))
    }
}
