import Testing

@testable import Hardware

/// Finding buses by number or adapter name, on a sysfs tree built for the test.
@Suite struct I2CAdapterTests {
    private func raspberryPiTree() throws -> TemporaryDirectory {
        let sysfs = try TemporaryDirectory()
        try sysfs.write("bcm2835 (i2c@7e804000)\n", to: "bus/i2c/devices/i2c-1/name")
        try sysfs.write("bcm2835 (i2c@7e205000)\n", to: "bus/i2c/devices/i2c-11/name")
        try sysfs.write("bcm2835 (i2c@7e205600)\n", to: "bus/i2c/devices/i2c-3/name")
        // A client device beside the adapters: not an adapter.
        try sysfs.write("bme280\n", to: "bus/i2c/devices/1-0076/name")
        return sysfs
    }

    @Test func listsAdaptersByNumberWithTheirNames() throws {
        let sysfs = try raspberryPiTree()
        let adapters = I2CAdapter.all(sysfs: SysfsRoot(path: sysfs.path))
        #expect(adapters.map(\.number) == [1, 3, 11])
        #expect(adapters.first?.name == "bcm2835 (i2c@7e804000)")
        #expect(adapters.first?.description == "i2c-1 (bcm2835 (i2c@7e804000))")
    }

    @Test func aMissingBusListsTheBusesThereAre() throws {
        let sysfs = try raspberryPiTree()
        let devices = try TemporaryDirectory()
        let root = SysfsRoot(path: sysfs.path)
        #expect(throws: I2CError.busNotFound("named \"SMBus stub driver\"", available: [
            "i2c-1 (bcm2835 (i2c@7e804000))", "i2c-3 (bcm2835 (i2c@7e205600))", "i2c-11 (bcm2835 (i2c@7e205000))",
        ])) {
            try LinuxI2CBus.open(adapterNamed: "SMBus stub driver", deviceDirectory: devices.path, sysfs: root)
        }
        do {
            _ = try LinuxI2CBus.open(adapterNamed: "bcm2835 (i2c@7e804000)", deviceDirectory: devices.path, sysfs: root)
            Issue.record("opened a bus without a device node")
        } catch {
            guard case .busNotFound(let bus, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(bus == "\(devices.path)/i2c-1")
            #expect(error.description.contains("i2c-dev"))
        }
    }

    @Test func addressesAreSevenBitsWrittenAsDataSheetsDo() {
        #expect(I2CAddress(0x76)?.description == "0x76")
        #expect(I2CAddress(0x08)?.description == "0x08")
        #expect(I2CAddress(0x80) == nil)
        #expect(I2CAddress(-1) == nil)
    }
}
