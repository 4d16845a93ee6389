/// Reads the short command language people type to the gateway (issue 7, brief §7):
///
///     help | list | status [device] | get <device> [field] | set <device> [parameter] <value>
///     <device> | <device> <shortcut> | <device> <value> | <device> <parameter> <value>
///
/// Case-insensitive, tolerant of extra spaces, units (`21.5°C`) and decimal commas
/// (`21,5`); device names match with `-` or `_` typed as spaces. Values are validated against the parameter, so an accepted `set` can act as is.
public struct ChatCommandParser: Sendable {
    public var vocabulary: ChatVocabulary

    public init(vocabulary: ChatVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Reads one chat line. `deviceId` is the device whose resource the message was sent
    /// to: it is the device meant whenever the text names none (`21.5`, `off`, `status`).
    public func parse(_ text: String, addressedTo deviceId: String? = nil) throws(ChatCommandError) -> ChatCommand {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = words.first?.lowercased() else { throw ChatCommandError(Self.usage) }
        let addressed = deviceId.flatMap { id in vocabulary.devices.first { $0.id == id } }
        let rest = Array(words.dropFirst())
        switch first {
        case "help", "?", "h":
            return .help
        case "list", "ls", "devices":
            return .list
        case "status", "st":
            if rest.isEmpty { return .status(deviceId: addressed?.id) }
            let (device, after) = try device(in: rest, addressed: addressed)
            guard after.isEmpty else { throw ChatCommandError("Try: status \(device.id)") }
            return .status(deviceId: device.id)
        case "get", "read", "show":
            if rest.isEmpty, let addressed { return .get(deviceId: addressed.id, field: nil) }
            guard !rest.isEmpty else { throw ChatCommandError("Which device? Try: get <device> [field]. \(deviceList)") }
            let (device, after) = try device(in: rest, addressed: addressed)
            return try get(device, after)
        case "set":
            guard !rest.isEmpty else { throw ChatCommandError("Try: set <device> <parameter> <value>. \(deviceList)") }
            let (device, after) = try device(in: rest, addressed: addressed)
            return try set(device, after)
        default:
            guard let (device, after) = matchDevice(words) ?? addressed.map({ ($0, words) }) else {
                throw ChatCommandError("I don't know \(ChatCommandError.quote(words[0])). \(Self.usage)")
            }
            if after.isEmpty { return .status(deviceId: device.id) }
            if after.count == 1, let field = device.field(named: after[0].lowercased()) {
                return .get(deviceId: device.id, field: field)
            }
            return try set(device, after)
        }
    }

    private static let fillers: Set<String> = ["to", "=", "at"]

    static let usage = "Commands: help, list, status [device], get <device> [field], set <device> <parameter> <value>."

    private var deviceList: String {
        "Devices: " + vocabulary.devices.map(\.id).joined(separator: ", ") + "."
    }

    /// The device named by the longest run of leading words, and the words after it. Only
    /// runs as long as a name can be are tried: a pasted page stays one quick lookup.
    private func matchDevice(_ words: [String]) -> (ChatDevice, [String])? {
        for count in stride(from: min(words.count, vocabulary.mostWordsInAName), through: 1, by: -1) {
            let name = words[..<count].joined(separator: " ").lowercased()
            if let device = vocabulary.device(named: name) { return (device, Array(words[count...])) }
        }
        return nil
    }

    /// The device the words start with, else the addressed device with all the words.
    private func device(in words: [String], addressed: ChatDevice?) throws(ChatCommandError) -> (ChatDevice, [String]) {
        guard let match = matchDevice(words) ?? addressed.map({ ($0, words) }) else {
            throw ChatCommandError("There is no device \(ChatCommandError.quote(words[0])). \(deviceList)")
        }
        return match
    }

    private func get(_ device: ChatDevice, _ words: [String]) throws(ChatCommandError) -> ChatCommand {
        guard !words.isEmpty else { return .get(deviceId: device.id, field: nil) }
        let wanted = words.joined(separator: " ").lowercased()
        guard let field = device.field(named: wanted) else {
            let known = device.fields + device.parameters.map(\.name).filter { !device.fields.contains($0) }
            throw ChatCommandError("\(device.id) has no field \(ChatCommandError.quote(wanted)); it has \(known.joined(separator: ", ")).")
        }
        return .get(deviceId: device.id, field: field)
    }

    private func set(_ device: ChatDevice, _ allWords: [String]) throws(ChatCommandError) -> ChatCommand {
        // "set living setpoint to 21" and "set living to 21" read as if "to" were not there.
        let words = allWords.enumerated().filter { index, word in
            !(Self.fillers.contains(word.lowercased()) && index < allWords.count - 1 && index <= 1)
        }.map(\.element)
        guard !words.isEmpty else {
            throw ChatCommandError("Set what? \(device.id) has \(writableNames(device)).")
        }
        if words.count >= 2, let parameter = device.parameter(named: words[0].lowercased()) {
            return .set(deviceId: device.id, setting: try setting(parameter, words.dropFirst().joined(separator: " ")))
        }
        if words.count == 1, let shortcut = device.shortcuts.first(where: { $0.word.lowercased() == words[0].lowercased() }),
           let parameter = device.parameters.first(where: { $0.name == shortcut.parameter }) {
            return .set(deviceId: device.id, setting: try setting(parameter, shortcut.value))
        }
        if words.count == 1, let parameter = device.parameter(named: words[0].lowercased()) {
            throw ChatCommandError("Set \(parameter.name) to what? \(ChatValueText.allowed(parameter))")
        }
        guard let primary = device.primaryParameter,
              let parameter = device.parameters.first(where: { $0.name == primary }) else {
            throw ChatCommandError("I don't know \(ChatCommandError.quote(words[0])) on \(device.id); it has \(writableNames(device)).")
        }
        return .set(deviceId: device.id, setting: try setting(parameter, words.joined(separator: " ")))
    }

    private func setting(_ parameter: ControlParameter, _ text: String) throws(ChatCommandError) -> ControlSetting {
        let value = try ChatValueText.value(text, for: parameter)
        do {
            return ControlSetting(name: parameter.name, value: try parameter.validate(value))
        } catch {
            throw ChatCommandError(error.description)
        }
    }

    private func writableNames(_ device: ChatDevice) -> String {
        let names = device.parameters.filter(\.writable).map(\.name) + device.shortcuts.map(\.word)
        return names.isEmpty ? "nothing to set" : names.joined(separator: ", ")
    }
}
