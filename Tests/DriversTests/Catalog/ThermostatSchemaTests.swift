import Testing
@testable import Drivers

struct ThermostatSchemaTests {
    /// A thermostat model names only what the gateway's thermostat publishes and accepts, and
    /// only the four modes.
    @Test func thermostatModelsAreChecked() {
        let errors = catalogErrors {
            try DeviceModel(yaml: """
                name: Thermostat
                vendor: generic
                bus: virtual
                fields:
                  - {name: temperature, unit: "°F"}
                  - {name: humidity, unit: "%RH"}
                parameters:
                  - {name: mode, type: enum, choices: [heat, boost], writable: true}
                driver: {kind: thermostat}
                """, file: "Devices/thermostat.yaml")
        }
        #expect(errors.map(\.description) == [
            "Devices/thermostat.yaml:5:31: fields[0].unit: expected \"°C\" (the unit driver thermostat yields), got \"°F\"",
            "Devices/thermostat.yaml:6:12: fields[1].name: expected a field driver thermostat yields (temperature, setpoint, mode, preset, hysteresis, heating, cooling, state, time_in_state), got \"humidity\"",
            "Devices/thermostat.yaml:8:39: parameters[0].choices: expected modes among off, heat, cool, auto, got \"boost\"",
        ])
    }

    @Test func thermostatsAreVirtual() {
        let errors = catalogErrors {
            try DeviceModel(yaml: "name: T\nvendor: v\nbus: gpio\nfields: []\ndriver: {kind: thermostat}\n", file: "t.yaml")
        }
        #expect(errors.map(\.path.description) == ["bus"])
    }
}
