import Testing
@testable import Drivers

/// Units per the kernel ABI (Documentation/ABI/testing/sysfs-bus-iio): temp in m°C,
/// humidityrelative in m%, pressure in kPa, voltage in mV; value = (raw + offset) × scale.
struct IIOTests {
    @Test(arguments: [
        ("in_temp_input", IIOChannel(type: .temp)),
        ("in_humidityrelative_input", IIOChannel(type: .humidityrelative)),
        ("in_pressure_raw", IIOChannel(type: .pressure)),
        ("in_voltage0_raw", IIOChannel(type: .voltage, index: 0)),
        ("in_voltage12_raw", IIOChannel(type: .voltage, index: 12)),
        ("in_concentration_co2_raw", IIOChannel(type: .concentration, modifier: "co2")),
        ("in_temp_object_raw", IIOChannel(type: .temp, modifier: "object")),
    ])
    func channelNames(name: String, channel: IIOChannel) {
        #expect(IIOChannel(attributeName: name) == channel)
        #expect(channel.attributePrefix + (name.hasSuffix("_raw") ? "_raw" : "_input") == name)
    }

    @Test(arguments: [
        "name", "in_temp_scale", "in_voltage_offset", "out_voltage0_raw", "in_voltage0-voltage1_raw",
        "in_accel_x_raw", "in_temp+1_raw", "in_temp__raw", "in__raw", "in_temp99999999999999999999_raw",
    ])
    func otherAttributesAreNotChannels(name: String) {
        #expect(IIOChannel(attributeName: name) == nil)
    }

    // DHT22 wire example from anchors.md (02 8C 80 65 73 → 65.2 %RH, −10.1 °C) as the kernel's
    // dht11 driver reports it: processed values in m°C and m%RH.
    @Test func dht22ThroughTheDht11Driver() throws {
        let snapshot = IIODeviceSnapshot(attributes: [
            "name": "dht11@4\n", "in_temp_input": "-10100\n", "in_humidityrelative_input": "65200\n",
        ])
        let driver = try #require(snapshot.name.flatMap(IIOKernelDriver.init(deviceName:)))
        #expect(driver == .dht11)
        #expect(try driver.measurements(from: snapshot) == [
            MeasuredValue(field: "temperature", value: -10.1, unit: .celsius),
            MeasuredValue(field: "humidity", value: 65.2, unit: .percentRelativeHumidity),
        ])
    }

    // The anchors' BME280 worked example as the kernel's bmp280 driver prints it: temperature
    // ×10 in m°C, pressure as Q24.8/256000 in kPa, humidity as Q22.10×1000/1024 in m%RH.
    @Test func bme280ThroughTheBmp280Driver() throws {
        let snapshot = IIODeviceSnapshot(attributes: [
            "name": "bme280\n",
            "in_temp_input": "25080\n",
            "in_pressure_input": "100.653253906\n",
            "in_humidityrelative_input": "69647.460937500\n",
            "in_temp_oversampling_ratio": "2\n",
        ])
        let values = try IIOKernelDriver.bmp280.measurements(from: snapshot)
        #expect(values.map(\.field) == ["temperature", "pressure", "humidity"])
        #expect(values.map(\.unit) == [.celsius, .pascal, .percentRelativeHumidity])
        #expect(abs(values[0].value - 25.08) < 1e-9)
        #expect(abs(values[1].value - 100_653.253906) < 1e-6)
        #expect(abs(values[2].value - 71_319.0 / 1024) < 1e-9)
        #expect(snapshot.channels == [IIOChannel(type: .humidityrelative), IIOChannel(type: .pressure), IIOChannel(type: .temp)])
    }

    @Test func bmp280HasNoHumidityButBme280Must() throws {
        var attributes = ["in_temp_input": "25080", "in_pressure_input": "100.653253906"]
        attributes["name"] = "bmp280"
        #expect(try IIOKernelDriver.bmp280.measurements(from: IIODeviceSnapshot(attributes: attributes)).count == 2)
        attributes["name"] = "bme280"
        let error = driverError { try IIOKernelDriver.bmp280.measurements(from: IIODeviceSnapshot(attributes: attributes)) }
        #expect(error == .missingAttribute(sensor: .iio, attribute: "in_humidityrelative_input"))
    }

    @Test(arguments: [
        // (−100 + 2000) × 10 m°C.
        (["in_temp_raw": "-100", "in_temp_offset": "2000", "in_temp_scale": "10.000000"], IIOChannel(type: .temp), 19.0),
        // A scale shared by every voltage channel: 2048 × 0.125 mV.
        (["in_voltage0_raw": "2048\n", "in_voltage_scale": "0.125000000\n"], IIOChannel(type: .voltage, index: 0), 0.256),
        // A channel's own scale wins over the shared one.
        (["in_voltage1_raw": "2048", "in_voltage1_scale": "0.5", "in_voltage_scale": "0.125"], IIOChannel(type: .voltage, index: 1), 1.024),
        // No scale and no offset: the raw value is in the ABI unit.
        (["in_illuminance_raw": "321"], IIOChannel(type: .illuminance), 321),
        // `_input` is already scaled and wins over `_raw`.
        (["in_pressure_input": "101.325", "in_pressure_raw": "7", "in_pressure_scale": "3"], IIOChannel(type: .pressure), 101_325),
    ] as [([String: String], IIOChannel, Double)])
    func rawScaleAndOffset(attributes: [String: String], channel: IIOChannel, expected: Double) throws {
        let value = try IIODeviceSnapshot(attributes: attributes).measurement(of: channel)
        #expect(abs(value.value - expected) < 1e-9)
        #expect(value.unit == channel.type.unit)
    }

    @Test(arguments: [
        (["in_temp_input": "nan\n"], DriverError.malformed(sensor: .iio, reason: "in_temp_input is \"nan\", not a decimal number")),
        (["in_temp_input": "\n"], .malformed(sensor: .iio, reason: "in_temp_input is \"\", not a decimal number")),
        (["in_temp_raw": "12", "in_temp_scale": "1e3"], .malformed(sensor: .iio, reason: "in_temp_scale is \"1e3\", not a decimal number")),
        (["in_humidityrelative_input": "1"], .missingAttribute(sensor: .iio, attribute: "in_temp_input")),
        (["in_temp_input": "-50000"], .implausibleValue(sensor: .iio, field: "temperature", value: -50, limit: -40...80)),
    ])
    func badAttributesAreRefused(attributes: [String: String], expected: DriverError) {
        let error = driverError {
            try IIODeviceSnapshot(attributes: attributes).measurement(of: IIOChannel(type: .temp), limit: -40...80)
        }
        #expect(error == expected)
    }

    @Test(arguments: [
        ("dht11", IIOKernelDriver.dht11),
        ("dht11@0\n", .dht11),
        ("bme280", .bmp280),
        ("bmp180", .bmp280),
        ("ads1015", nil),
        ("dht11x", nil),
    ] as [(String, IIOKernelDriver?)])
    func kernelDriverFromDeviceName(name: String, driver: IIOKernelDriver?) {
        #expect(IIOKernelDriver(deviceName: name) == driver)
    }
}
