extension DriverSchema {
    /// A relay, LED or other on/off load on one GPIO line.
    static let gpioOutput = DriverSchema(
        buses: [.gpio],
        settings: [
            SettingDeclaration(
                "active_low", .bool, default: .bool(false),
                doc: "The load is on when the line is low (most relay boards)."
            ),
            SettingDeclaration(
                "safe_state", .choice(["off", "on"]), default: .string("off"),
                doc: "The state requested with the line, and driven again on shutdown."
            ),
            SettingDeclaration("minimum_on_time", .duration, range: 0...86_400, doc: "Shortest time on once switched on."),
            SettingDeclaration("minimum_off_time", .duration, range: 0...86_400, doc: "Shortest time off once switched off."),
            SettingDeclaration("maximum_on_time", .duration, range: 0.001...604_800, doc: "Switched off after this long on."),
        ],
        summary: "An on/off output on a GPIO line: commanded state with safe state and on/off time limits.",
        check: { model in
            let settings = model.driverSettings
            var errors = fieldErrors(model, outputs: [DriverOutput("state", type: .boolean)])
                + parameterErrors(model, accepted: [DriverOutput("state", type: .boolean)])
            if model.parameter(named: "state")?.isWritable != true {
                errors.append(model.source.invalid(
                    "parameters", expected: "a writable boolean parameter named state", got: "none"
                ))
            }
            if let longest = settings.duration("maximum_on_time"), let shortest = settings.duration("minimum_on_time"),
                longest < shortest
            {
                errors.append(settings.invalid(
                    "maximum_on_time", expected: "at least minimum_on_time (\(shortest.settingText))", got: longest.settingText
                ))
            }
            return errors
        }
    )
}
