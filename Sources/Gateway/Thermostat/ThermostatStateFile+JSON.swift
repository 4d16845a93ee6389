import Drivers
import Hardware

/// The state file's layout: `{"target": {"hysteresis", "mode", "preset", "setpoint"},
/// "version"}`, pretty-printed with sorted keys, as Foundation's JSON encoder wrote it before.
///
/// It is read with the configuration's YAML reader and settings decoder — JSON is YAML — so
/// files written by that encoder still load, and every problem names its line and column.
extension ThermostatStateFile {
    /// A future layout gets a new number and a conversion.
    static let version = 1

    private static let declarations = [
        SettingDeclaration("version", .int, required: true, doc: "The layout of the file."),
        SettingDeclaration("target", .record([
            SettingDeclaration("mode", .choice(ThermostatMode.allCases.map(\.rawValue)), required: true, doc: "The mode."),
            SettingDeclaration("setpoint", .double, required: true, doc: "°C."),
            SettingDeclaration("preset", .string, doc: "The preset the setpoint came from."),
            SettingDeclaration("hysteresis", .double, required: true, doc: "°C."),
        ]), required: true, doc: "The persisted target."),
    ]

    /// The target `text` holds; a file of another layout or version is corrupt.
    static func target(fromJSON text: String, path: String) throws(ThermostatStateFileError) -> ThermostatTarget {
        // Problems name the file by its name alone: the message names its path already.
        var decoder = SettingsDecoder(file: PathComponents.lastComponent(of: path))
        let root: SettingsRecord
        do {
            let yaml = try YAMLDocument.root(of: escapingForeignCharacters(text), file: decoder.file)
            root = decoder.decodeRecord(yaml, declarations: declarations)
        } catch {
            throw .corrupt(path: path, reason: reason(error.errors))
        }
        // Another layout is told by its version, not by the keys this one would miss.
        if let version = root.int("version"), version != Self.version {
            throw .corrupt(path: path, reason: "version \(version), expected \(Self.version)")
        }
        // Keys a person added are ignored, as Foundation's JSON decoder did.
        let errors = decoder.errors.filter { error in
            if case .unknownKey = error.problem { false } else { true }
        }
        guard errors.isEmpty, let target = root.record("target"),
            let mode = target.string("mode").flatMap(ThermostatMode.init(rawValue:)),
            let setpoint = target.double("setpoint"), let hysteresis = target.double("hysteresis")
        else {
            throw .corrupt(path: path, reason: reason(errors))
        }
        return ThermostatTarget(mode: mode, setpoint: setpoint, preset: target.string("preset"), hysteresis: hysteresis)
    }

    /// The file's text for `target`.
    static func json(_ target: ThermostatTarget) -> String {
        var lines = [
            "{",
            "  \"target\" : {",
            "    \"hysteresis\" : \(target.hysteresis),",
            "    \"mode\" : \(jsonString(target.mode.rawValue)),",
        ]
        if let preset = target.preset {
            lines.append("    \"preset\" : \(jsonString(preset)),")
        }
        lines += ["    \"setpoint\" : \(target.setpoint)", "  },", "  \"version\" : \(version)", "}", ""]
        return lines.joined(separator: "\n")
    }

    /// `text` as a JSON string: `"`, `\` and the C0 controls escaped, as JSON requires, and
    /// the characters YAML would not read back as written.
    static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "\u{0}"..."\u{1F}": escaped += unicodeEscape(scalar)
            case _ where isForeignToYAML(scalar): escaped += unicodeEscape(scalar)
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }

    /// What YAML does not read as JSON means it even inside quotes: DEL, the C1 controls and
    /// the noncharacters U+FFFE and U+FFFF, which libyaml refuses in a file, and NEL and the
    /// line and paragraph separators, which YAML takes for line breaks. Foundation's encoder
    /// wrote them as they are.
    private static func isForeignToYAML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}", "\u{FFFE}", "\u{FFFF}": true
        default: false
        }
    }

    /// `json` with every character YAML would read otherwise escaped. JSON allows them only
    /// inside strings, where the escape means the same.
    private static func escapingForeignCharacters(_ json: String) -> String {
        var escaped = ""
        for scalar in json.unicodeScalars {
            if isForeignToYAML(scalar) {
                escaped += unicodeEscape(scalar)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `\u0085`; only for characters of the Basic Multilingual Plane, as all of the above are.
    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    private static func reason(_ errors: [CatalogError]) -> String {
        errors.map(\.description).joined(separator: "; ")
    }
}
