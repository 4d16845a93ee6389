extension DriverSchema {
    /// The thermostat's readout and parameters. Its logic lives in the gateway, which composes
    /// it from a temperature field and relay outputs named in the gateway configuration; the
    /// installation's ranges, cycle limits and presets are set there too.
    static let thermostat = DriverSchema(
        buses: [.virtual],
        settings: [],
        summary: "A thermostat composed from a temperature field and heating/cooling outputs.",
        check: { model in
            let temperature = DriverOutput("temperature", unit: .celsius)
            let setpoint = DriverOutput("setpoint", unit: .celsius)
            let mode = DriverOutput("mode", type: .enum)
            let preset = DriverOutput("preset", type: .enum)
            let hysteresis = DriverOutput("hysteresis", unit: .celsius)
            var errors = fieldErrors(model, outputs: [
                temperature, setpoint, mode, DriverOutput("preset", type: .string), hysteresis,
                DriverOutput("heating", type: .boolean), DriverOutput("cooling", type: .boolean),
                DriverOutput("state", type: .string), DriverOutput("time_in_state", unit: "s"),
            ])
            errors += parameterErrors(model, accepted: [mode, setpoint, preset, hysteresis])
            let modes = ["off", "heat", "cool", "auto"]
            let modeEntries = model.fields.filter { $0.name == "mode" }.map { ($0.choices, $0.source) }
                + model.parameters.filter { $0.name == "mode" }.map { ($0.choices, $0.source) }
            for (choices, source) in modeEntries {
                for choice in choices where !modes.contains(choice) {
                    errors.append(source.invalid("choices", expected: "modes among \(modes.joined(separator: ", "))", got: "\"\(choice)\""))
                }
            }
            return errors
        }
    )
}
