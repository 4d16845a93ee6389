/// Short plain-text replies for chat: readings with units, confirmations, the help text.
public enum ChatReply {
    public static func help(_ vocabulary: ChatVocabulary) -> String {
        var lines = [
            "help — this text",
            "list — the devices",
            "status [device] — current readings",
            "get <device> [field] — one reading",
            "set <device> <parameter> <value> — change a setting",
        ]
        if let example = vocabulary.devices.first(where: { $0.primaryParameter != nil }),
           let parameter = example.parameters.first(where: { $0.name == example.primaryParameter }) {
            let value = parameter.currentValue?.number.map(parameter.format) ?? parameter.minimum.map(parameter.format) ?? "1"
            lines.append("Short forms: \"\(example.id) \(value)\" sets \(parameter.name)"
                         + (example.shortcuts.isEmpty ? "." : ", \"\(example.id) \(example.shortcuts[0].word)\" too."))
        }
        return lines.joined(separator: "\n")
    }

    /// One line per device: `living — Thermostat living room`.
    public static func list(_ vocabulary: ChatVocabulary) -> String {
        guard !vocabulary.devices.isEmpty else { return "No devices." }
        return vocabulary.devices.map { "\($0.id) — \($0.name)" }.joined(separator: "\n")
    }

    /// `Temperature: 21.40 °C`.
    public static func field(_ field: SensorField) -> String {
        "\(field.name): \(field.value.humanText)" + (field.quality.contains(.warning) ? " (stale)" : "")
    }

    /// `Thermostat living room: Temperature 21.40 °C · Heating on`; fields missing a value
    /// are left out.
    public static func status(deviceName: String, fields: [SensorField]) -> String {
        let shown = fields.filter { !$0.quality.contains(.missing) }
        guard !shown.isEmpty else { return "\(deviceName): no readings." }
        return "\(deviceName): " + shown.map { "\($0.name) \($0.value.humanText)" }.joined(separator: " · ")
    }

    /// `Thermostat living room: Setpoint set to 21.5 °C.`
    public static func applied(deviceName: String, setting: ControlSetting, parameter: ControlParameter) -> String {
        "\(deviceName): \(parameter.label ?? parameter.name) set to \(parameter.humanText(setting.value))."
    }

    /// The one line an unauthorized sender gets.
    public static let refusal = "Sorry, you are not allowed to use this gateway."
}
