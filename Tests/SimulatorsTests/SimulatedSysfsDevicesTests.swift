import Drivers
import Foundation
import Hardware
import Testing

@testable import Simulators

/// The sysfs simulators write what the kernel would, read back through the Hardware module.
struct SimulatedSysfsDevicesTests {
    // The scratchpad of the w1_therm documentation's example, CRC included.
    @Test func ds18b20FilesAreWhatW1ThermWrites() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sysfs = SysfsRoot(path: root)
        let sensor = try SimulatedDS18B20(id: "28-000000000001", sysfs: sysfs)
        try sensor.setTemperature(23.125)
        let device = OneWireDevice(id: "28-000000000001", sysfs: sysfs)
        #expect(try await device.read() == "72 01 4b 46 7f ff 0c 10 c6 : crc=c6 YES\n72 01 4b 46 7f ff 0c 10 c6 t=23125\n")
        #expect(try await device.read("temperature") == "23125\n")
        #expect(OneWireDevice.all(sysfs: sysfs).map(\.id) == ["28-000000000001"])
        try sensor.unplug()
        #expect(OneWireDevice.all(sysfs: sysfs).isEmpty)
    }

    @Test func iioFractionsHaveUpToSixDecimalsWithoutTrailingZeros() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sysfs = SysfsRoot(path: root)
        let device = try SimulatedIIODevice(id: "iio:device4", name: "generic", sysfs: sysfs)
        try device.setRaw(7, scale: 1.0 / 3, offset: -0.0625, of: IIOChannel(type: .voltage, index: 0))
        let attributes = try await IIODevice(id: "iio:device4", sysfs: sysfs).attributes()
        #expect(attributes["in_voltage0_scale"] == "0.333333\n")
        #expect(attributes["in_voltage0_offset"] == "-0.0625\n")
    }

    @Test func iioValuesAreWrittenInKernelUnits() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sim-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sysfs = SysfsRoot(path: root)
        _ = try SimulatedIIODevice(
            id: "iio:device2", kernelDriver: .bmp280, name: "bme280",
            values: ["temperature": 21.5, "pressure": 100_000, "humidity": 40.25], sysfs: sysfs)
        let attributes = try await IIODevice(id: "iio:device2", sysfs: sysfs).attributes()
        #expect(attributes == [
            "name": "bme280\n", "in_temp_input": "21500\n", "in_pressure_input": "100\n", "in_humidityrelative_input": "40250\n",
        ])
    }
}
