import Glibc
import Testing

@testable import Hardware

/// Enumeration through libudev on the machine the tests run on (the host's /sys, or the
/// VM's with gpio-sim and i2c-stub).
@Suite struct UdevDeviceTests {
    @Test func serialPortsAreTtysWithHardwareBehindThem() throws {
        let ports = try UdevDevice.all(.serialPort)
        for port in ports {
            #expect(port.subsystem == "tty")
            #expect(port.deviceNode?.hasPrefix("/dev/") == true)
            #expect(port.hasParent)
            #expect(!port.sysPath.contains("/virtual/"))
            #expect(port.attributes["type"] != "0")
        }
        // Virtual terminals and ptmx are never serial ports.
        #expect(!ports.contains { ["tty", "tty0", "ptmx", "console"].contains($0.sysName) })
    }

    @Test(.enabled(if: VirtualHardware.gpioSimulator != nil, VirtualHardware.skipReason))
    func gpioChipsAndI2CBusesComeWithTheirNames() throws {
        let chips = try UdevDevice.all(.gpioChip)
        #expect(Set(chips.compactMap(\.deviceNode)).isSuperset(of: ["/dev/gpiochip0", "/dev/gpiochip1"]))
        #expect(chips.allSatisfy { $0.sysName.hasPrefix("gpiochip") })
        let buses = try UdevDevice.all(.i2cBus)
        let stub = try #require(buses.first { $0.name == "SMBus stub driver" })
        #expect(stub.deviceNode == "/dev/i2c-\(VirtualHardware.i2cStub?.bus ?? -1)")
    }
}
