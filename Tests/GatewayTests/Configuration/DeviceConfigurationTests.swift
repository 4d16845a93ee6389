import Drivers
import Hardware
import Testing
@testable import Gateway

struct DeviceConfigurationTests {
    @Test func idsModelsAndFieldOverridesAreChecked() {
        #expect(configurationErrors(configurationHeader + """
            devices:
              - id: Hall Climate
                model: bme28
              - id: hall
                model: bme280
                bus: 1
                fields:
                  temprature:
                    expire_after: 1min
              - id: button
                model: gpio-button
                line: GPIO17
                fields:
                  state:
                    filters:
                      - offset: 1
                    publish: {change_threshold: 1}
              - id: hall
                model: ds18b20
                port: 28-0000075c6f2b
            """) == [
            #"gateway.yaml:8:9: devices[0].id: expected an id of lower-case letters, digits, - and _, starting with a letter, at most 64 characters, got "Hall Climate""#,
            #"gateway.yaml:9:12: devices[0].model: expected a model of the device catalog, got "bme28" (did you mean "bme280"?)"#,
            #"gateway.yaml:15:9: devices[1].fields.temprature: expected a field of model bme280 (temperature, humidity, pressure), got "temprature" (did you mean "temperature"?)"#,
            #"gateway.yaml:22:11: devices[2].fields.state.filters: expected filters only on numeric and int fields, got a boolean field"#,
            #"gateway.yaml:23:37: devices[2].fields.state.publish.change_threshold: expected change_threshold only on numeric and int fields, got a boolean field"#,
            #"gateway.yaml:24:9: devices[3].id: expected an id not used before (line 10), got "hall""#,
        ])
    }

    @Test func attachmentMustFitTheModelsBus() {
        #expect(configurationErrors(configurationHeader + """
            devices:
              - id: climate
                model: bme280
                address: 0x80
                chip: gpiochip0
              - id: co2
                model: mh-z19b
                port: /dev/ttyUSB0
                by_id: usb-FTDI-x
              - id: co2-b
                model: mh-z19b
              - id: relay
                model: gpio-relay
                line: "17"
              - id: meter
                model: sdm120-modbus
                udev: {vendor: "403", serial: A1}
              - id: probe
                model: ds18b20
              - id: co2-c
                model: mh-z19b
                port: ttyUSB0
                simulate: true
              - id: co2-d
                model: mh-z19b
                by_id: /dev/ttyUSB1
              - id: demo
                model: bme280
                simulate: true
            """) == [
            "gateway.yaml:8:5: devices[0].bus: missing, expected the I2C bus number or adapter name (model bme280 is on i2c)",
            "gateway.yaml:10:14: devices[0].address: expected an address from 3 to 119 on bus i2c, got 128",
            "gateway.yaml:11:11: devices[0].chip: expected only bus, address on bus i2c (model bme280), got chip",
            "gateway.yaml:15:12: devices[1].by_id: expected one of port, by_id or udev, got port and by_id",
            "gateway.yaml:16:5: devices[2].port: missing, expected port, by_id or udev (model mh-z19b is on serial)",
            "gateway.yaml:20:11: devices[3].line: expected a line name, or chip together with a line offset, got offset 17 without chip",
            #"gateway.yaml:23:20: devices[4].udev.vendor: expected a USB id of four hex digits, such as 0403, got "403""#,
            "gateway.yaml:24:5: devices[5].port: missing, expected the device's sysfs id (model ds18b20 is on w1)",
            #"gateway.yaml:28:11: devices[6].port: expected a device path under /dev/, got "ttyUSB0""#,
            #"gateway.yaml:32:12: devices[7].by_id: expected a link name in /dev/serial/by-id/, or its full path, got "/dev/ttyUSB1""#,
        ])
    }

    /// Each bus gives the runtime its port, address and line.
    @Test func attachmentsGiveThePortAddressAndLine() throws {
        let configuration = try #require(loadConfiguration(configurationHeader + """
            devices:
              - id: climate
                model: bme280
                bus: "bcm2835 (i2c@7e804000)"
                address: 0x77
              - id: co2
                model: mh-z19b
                udev: {vendor: "0403", product: "6001", serial: A50285BI}
              - id: meter
                model: sdm120-modbus
                port: /dev/ttyAMA0
              - id: second-meter
                model: sdm120-modbus
                by_id: /dev/serial/by-id/usb-CH340-if00
                address: 7
              - id: relay
                model: gpio-relay
                chip: /dev/gpiochip0
                line: "17"
              - id: button
                model: gpio-button
                line: GPIO17
              - id: light
                model: iio-generic
                port: "iio:device0"
              - id: demo
                model: bme280
                simulate: true
            """))
        let attachments = Dictionary(uniqueKeysWithValues: configuration.devices.map { ($0.id, $0.attachment) })
        #expect(attachments["climate"] == DeviceAttachmentConfiguration(port: "bcm2835 (i2c@7e804000)", address: 0x77))
        #expect(attachments["co2"] == DeviceAttachmentConfiguration(
            udevMatch: UdevDeviceMatch(.serialPort, vendorID: "0403", productID: "6001", serial: "A50285BI")
        ))
        #expect(attachments["meter"] == DeviceAttachmentConfiguration(port: "/dev/ttyAMA0", address: 1))
        #expect(attachments["second-meter"] == DeviceAttachmentConfiguration(port: "/dev/serial/by-id/usb-CH340-if00", address: 7))
        #expect(attachments["relay"] == DeviceAttachmentConfiguration(port: "/dev/gpiochip0", line: "17"))
        #expect(attachments["button"] == DeviceAttachmentConfiguration(line: "GPIO17"))
        #expect(attachments["light"] == DeviceAttachmentConfiguration(port: "iio:device0"))
        #expect(attachments["demo"] == DeviceAttachmentConfiguration(address: 0x76))
        #expect(configuration.device(id: "demo")?.isSimulated == true)
        #expect(configuration.device(id: "meter")?.interval == .seconds(10))
        #expect(configuration.device(id: "button")?.interval == nil)
    }

    /// A device's calibration goes before the model's filters; its filters replace them.
    @Test func fieldOverridesComposeWithTheModel() throws {
        let configuration = try #require(loadConfiguration(configurationHeader + """
            devices:
              - id: dht
                model: dht22
                port: "iio:device1"
                fields:
                  temperature:
                    calibration:
                      - calibrate_linear: {points: [{measured: 0, actual: 1}, {measured: 10, actual: 11}]}
                  humidity:
                    calibration: [{offset: 2}]
                    filters: [{delta: {absolute: 1}}]
                    expire_after: 10min
            """))
        let device = try #require(configuration.device(id: "dht"))
        let temperature = try #require(device.model.field(named: "temperature"))
        let humidity = try #require(device.model.field(named: "humidity"))
        let processed = device.processing(of: temperature)
        #expect(processed.filters.count == 2)
        #expect(processed.filters.last == .median(window: 3, sendEvery: 1))
        #expect(processed.filters.first == .calibrateLinear(LinearCalibration(slope: 1, intercept: 1)))
        #expect(device.processing(of: humidity) == FieldProcessing(
            validRange: humidity.validRange, filters: [.offset(2), .delta(absolute: 1, percent: nil)], expireAfter: .seconds(600)
        ))
    }

    @Test func calibrationTakesOnlyCalibrationSteps() {
        #expect(configurationErrors(configurationHeader + """
            devices:
              - id: probe
                model: ds18b20
                port: 28-0000075c6f2b
                fields:
                  temperature:
                    calibration: [{median: {window: 3}}]
            """) == [
            "gateway.yaml:13:24: devices[0].fields.temperature.calibration[0].median: unknown key",
        ])
    }

    @Test func parameterStartValuesAreCheckedLikeControlRequests() throws {
        #expect(configurationErrors(configurationHeader + """
            devices:
              - id: co2
                model: mh-z19b
                port: /dev/ttyUSB0
                parameters:
                  automatic_baseline_correction: "no"
                  abc: true
              - id: meter
                model: sdm120-modbus
                port: /dev/ttyUSB1
                parameters: {demand_period: 90}
              - id: locked
                model: read-only-relay
                simulate: true
                parameters: {state: true}
              - id: probe
                model: ds18b20
                port: 28-0000075c6f2b
                parameters: {resolution: 9}
            """) == [
            #"gateway.yaml:12:38: devices[0].parameters.automatic_baseline_correction: expected true or false, got "no""#,
            #"gateway.yaml:13:12: devices[0].parameters.abc: expected a parameter of model mh-z19b (automatic_baseline_correction), got "abc""#,
            #"gateway.yaml:17:33: devices[1].parameters.demand_period: expected a number from 0 to 60 min, got "90""#,
            "gateway.yaml:21:25: devices[2].parameters.state: expected a writable parameter, got state, which is read-only",
            #"gateway.yaml:25:30: devices[3].parameters.resolution: expected a parameter of model ds18b20 (none), got "resolution""#,
        ])
        let configuration = try #require(loadConfiguration(configurationHeader + """
            devices:
              - id: co2
                model: mh-z19b
                port: /dev/ttyUSB0
                parameters: {automatic_baseline_correction: false}
              - id: meter
                model: sdm120-modbus
                port: /dev/ttyUSB1
                parameters: {demand_period: 15}
            """))
        #expect(configuration.device(id: "co2")?.parameterStartValues == ["automatic_baseline_correction": .boolean(false)])
        #expect(configuration.device(id: "meter")?.parameterStartValues == ["demand_period": .number(15)])
    }
}
