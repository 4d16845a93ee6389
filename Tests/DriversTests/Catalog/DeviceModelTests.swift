import Testing
@testable import Drivers

struct DeviceModelTests {
    /// The broken file `Devices/README.md` shows; the messages there must stay what the loader says.
    @Test func readmeExampleMessages() {
        let errors = catalogErrors {
            try DeviceModel(yaml: """
                name: SHT3x
                vendor: Sensirion
                bus: i2c
                address: 0x44
                fields:
                  - name: temperature
                    unit: "°C"
                    precision: 2
                    range: -40..125
                  - name: humidity
                    unit: "%RH"
                    precision: 1
                    range: [0, 100]
                    expire: 3min
                driver:
                  kind: sht3x
                  repeatability: hihg
                """, file: "Devices/sht3x.yaml")
        }
        #expect(errors.map(\.description) == [
            "Devices/sht3x.yaml:9:12: fields[0].range: expected a list of two numbers [low, high], got \"-40..125\"",
            "Devices/sht3x.yaml:14:5: fields[1].expire: unknown key, did you mean \"expire_after\"?",
            "Devices/sht3x.yaml:17:18: driver.repeatability: expected one of high, medium, low, got \"hihg\" (did you mean \"high\"?)",
        ])
    }

    static let sht3x = """
        name: SHT3x
        vendor: Sensirion
        bus: i2c
        address: 0x44
        fields:
          - {name: temperature, unit: "°C", precision: 2}
          - {name: humidity, unit: "%RH"}
        driver: {kind: sht3x}
        """

    @Test func aValidModel() throws {
        let model = try #require(loadModel(Self.sht3x, file: "Devices/sht3x.yaml"))
        #expect(model.id == "sht3x")
        #expect(model.bus == .i2c)
        #expect(model.fields.map(\.name) == ["temperature", "humidity"])
        #expect(model.field(named: "temperature")?.precision == 2)
        #expect(model.line == nil)
        #expect(model.driverSettings.string("repeatability") == "high")
    }

    @Test(arguments: [
        ("bus: i2c\naddress: 0x44", "bus: serial", "bus"),
        ("address: 0x44", "address: 0x78", "address"),
        ("address: 0x44", "address: 0x44\nline: {baud: 9600}", "line"),
        ("{name: humidity, unit: \"%RH\"}", "{name: temperature, unit: \"%RH\"}", "fields[1].name"),
        ("{name: humidity, unit: \"%RH\"}", "{name: Humidity, unit: \"%RH\"}", "fields[1].name"),
        ("{name: humidity, unit: \"%RH\"}", "{name: co2, unit: ppm}", "fields[1].name"),
        ("{name: humidity, unit: \"%RH\"}", "{name: humidity, unit: \"%\"}", "fields[1].unit"),
        ("{name: humidity, unit: \"%RH\"}", "{name: humidity, unit: \"%RH\", type: boolean}", "fields[1].type"),
        ("{name: humidity, unit: \"%RH\"}", "{name: humidity, unit: \"%RH\", choices: [a]}", "fields[1].choices"),
        ("driver: {kind: sht3x}", "driver: {kind: sht3x}\nparameters: [{name: heater, type: boolean}]", "parameters[0].name"),
    ])
    func modelsThatContradictThemselvesOrTheirDriver(original: String, replacement: String, path: String) {
        let errors = catalogErrors { try DeviceModel(yaml: Self.sht3x.replacingOccurrences(of: original, with: replacement), file: "t.yaml") }
        #expect(errors.map(\.path.description) == [path], "\(errors)")
    }

    @Test func duplicateNamesPointAtTheFirst() {
        let errors = catalogErrors {
            try DeviceModel(yaml: Self.sht3x.replacingOccurrences(of: "name: humidity", with: "name: temperature"), file: "t.yaml")
        }
        #expect(errors.first?.problem == .invalidValue(expected: "a name not used before (line 6)", got: "\"temperature\""))
    }

    @Test func fieldTypesAndTheirKeys() {
        let yaml = """
            name: x
            vendor: y
            bus: serial
            fields:
              - {name: mode, type: enum}
              - {name: alarm, type: boolean, range: [0, 1], filters: [{offset: 1}]}
              - {name: count, type: int, precision: 2}
            driver: {kind: line_protocol, pattern: '(?<mode>[a-z]+) (?<alarm>[01]) (?<count>[0-9]+)'}
            """
        let errors = catalogErrors { try DeviceModel(yaml: yaml, file: "t.yaml") }
        #expect(errors.map(\.path.description) == ["fields[0].choices", "fields[1].range", "fields[1].filters", "fields[2].precision"])
    }

    @Test func bmp280HasNoHumidity() {
        let yaml = """
            name: x
            vendor: y
            bus: i2c
            fields: [{name: humidity, unit: "%RH"}]
            driver: {kind: bme280, variant: bmp280}
            """
        #expect(catalogErrors { try DeviceModel(yaml: yaml, file: "t.yaml") }.map(\.path.description) == ["fields[0].name"])
    }

    @Test func aRelayNeedsAWritableStateParameter() {
        let yaml = """
            name: relay
            vendor: y
            bus: gpio
            fields: [{name: state, type: boolean}]
            parameters: [{name: state, type: boolean}]
            driver: {kind: gpio_output, minimum_on_time: 10s, maximum_on_time: 5s}
            """
        let errors = catalogErrors { try DeviceModel(yaml: yaml, file: "t.yaml") }
        #expect(errors.map(\.path.description) == ["parameters", "driver.maximum_on_time"])
    }

    @Test func iioNeedsAKernelDriverOrChannels() {
        let base = "name: x\nvendor: y\nbus: iio\nfields: []\n"
        #expect(catalogErrors { try DeviceModel(yaml: base + "driver: {kind: iio}", file: "t.yaml") }.map(\.path.description) == ["driver"])
        let both = base + "driver: {kind: iio, kernel_driver: dht11, channels: [{channel: temp}]}"
        #expect(catalogErrors { try DeviceModel(yaml: both, file: "t.yaml") }.map(\.path.description) == ["driver.channels"])
    }

    @Test func anEmptyFileIsRefused() {
        #expect(catalogErrors { try DeviceModel(yaml: "", file: "t.yaml") }.count == 1)
        #expect(catalogErrors { try DeviceModel(yaml: "- a list", file: "t.yaml") }.map(\.path) == [.root])
    }
}
