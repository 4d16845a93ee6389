extension DriverSchema {
    /// A button, contact, PIR or pulse output on one GPIO line, read by edge events.
    static let gpioInput = DriverSchema(
        buses: [.gpio],
        settings: [
            SettingDeclaration(
                "edge", .choice(["rising", "falling", "both"]), default: .string("both"),
                doc: "Which transitions are events."
            ),
            SettingDeclaration(
                "debounce", .duration, default: .duration(.milliseconds(20)), range: 0...1,
                doc: "Transitions closer together than this are bounce, not events."
            ),
            SettingDeclaration("active_low", .bool, default: .bool(false), doc: "Pressed or active when the line is low."),
            SettingDeclaration(
                "bias", .choice(["as_is", "pull_up", "pull_down", "disabled"]), default: .string("as_is"),
                doc: "The line's internal pull resistor."
            ),
            SettingDeclaration("counting", .bool, default: .bool(false), doc: "Also count active edges as the count field."),
        ],
        summary: "An input on a GPIO line: debounced state, and optionally a count of activations.",
        check: { model in
            var outputs = [DriverOutput("state", type: .boolean)]
            if model.driverSettings.bool("counting") == true {
                outputs.append(DriverOutput("count", type: .int))
            }
            return fieldErrors(model, outputs: outputs) + parameterErrors(model, accepted: [])
        }
    )
}
