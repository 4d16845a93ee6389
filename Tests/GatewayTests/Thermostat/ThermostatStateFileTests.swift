import Foundation
import Testing
@testable import Gateway

struct ThermostatStateFileTests {
    private let settings = ThermostatSettings(initialTarget: ThermostatTarget(mode: .heat, setpoint: 19))

    @Test func savedTargetComesBackAndOnlyTheOwnerCanReadIt() throws {
        let directory = try ScratchDirectory()
        let file = ThermostatStateFile(path: directory.path("living.json"))
        let target = ThermostatTarget(mode: .heat, setpoint: 21.5, preset: "comfort", hysteresis: 0.3)
        try file.save(target)
        #expect(try file.load() == target)
        let restored = file.restore(settings: settings)
        #expect(restored.target == target)
        #expect(restored.problem == nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Saving again replaces the file; no temporary file is left behind.
        try file.save(ThermostatTarget(mode: .off, setpoint: 17, preset: "eco"))
        #expect(try file.load()?.mode == .off)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["living.json"])
    }

    @Test func missingFileIsAFirstStart() throws {
        let directory = try ScratchDirectory()
        let file = ThermostatStateFile(path: directory.path("new.json"))
        #expect(try file.load() == nil)
        let restored = file.restore(settings: settings)
        #expect(restored.target == settings.initialTarget)
        #expect(restored.problem == nil)
    }

    /// The layout Foundation's JSON encoder wrote before the gateway wrote it by hand; files
    /// from then must still load.
    private struct EncoderLayout: Codable {
        struct Target: Codable {
            var mode: String
            var setpoint: Double
            var preset: String?
            var hysteresis: Double
        }

        var version: Int
        var target: Target
    }

    @Test(arguments: [nil, "comfort", "a/b \"quoted\" \\ back\nslash\ttab \u{1} \u{7F} \u{85} \u{9F} \u{2028} \u{2029} \u{FEFF} \u{FFFF} é 🌡"])
    func fileOfTheFormerEncoderLoads(preset: String?) throws {
        let directory = try ScratchDirectory()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let layout = EncoderLayout(
            version: 1, target: .init(mode: "cool", setpoint: 23.25, preset: preset, hysteresis: 1e-05))
        let url = directory.url.appendingPathComponent("living.json")
        try encoder.encode(layout).write(to: url)
        #expect(try ThermostatStateFile(path: url.path).load()
            == ThermostatTarget(mode: .cool, setpoint: 23.25, preset: preset, hysteresis: 1e-05))
    }

    /// What is written is JSON that Foundation's decoder reads as the same target, whatever
    /// characters the preset's name holds.
    @Test(arguments: ["comfort", "\"\\/\n\r\t\u{0}\u{1}\u{1F}\u{7F}\u{85}\u{9F}\u{2028}\u{2029}\u{FEFF}\u{FFFF} é 🌡"])
    func writtenFileIsJSONWhateverThePresetHolds(preset: String) throws {
        let directory = try ScratchDirectory()
        let file = ThermostatStateFile(path: directory.path("living.json"))
        let target = ThermostatTarget(mode: .auto, setpoint: 20.5, preset: preset, hysteresis: 0.5)
        try file.save(target)
        #expect(try file.load() == target)
        let decoded = try JSONDecoder().decode(EncoderLayout.self, from: Data(contentsOf: directory.url.appendingPathComponent("living.json")))
        #expect(decoded.version == 1)
        #expect(decoded.target.preset == preset)
        #expect(decoded.target.mode == "auto" && decoded.target.setpoint == 20.5 && decoded.target.hysteresis == 0.5)
    }

    @Test func escapedStrings() {
        #expect(ThermostatStateFile.jsonString("a\"b\\c") == #""a\"b\\c""#)
        #expect(ThermostatStateFile.jsonString("\n\r\t") == #""\n\r\t""#)
        #expect(ThermostatStateFile.jsonString("\u{1}\u{7F}\u{85}\u{2028}\u{FFFF}") == #""\u0001\u007F\u0085\u2028\uFFFF""#)
        #expect(ThermostatStateFile.jsonString("é/🌡") == "\"é/🌡\"")
    }

    @Test func unknownKeysAreIgnored() throws {
        let directory = try ScratchDirectory()
        let url = try directory.write(
            #"{"version": 1, "note": "by hand", "target": {"mode": "heat", "setpoint": 20, "hysteresis": 0.5, "x": 1}}"#,
            to: "living.json")
        #expect(try ThermostatStateFile(path: url.path).load() == ThermostatTarget(mode: .heat, setpoint: 20))
    }

    @Test(arguments: [
        "", "not json", "{\"version\": 1, \"target\": {\"mode\": \"heat\", \"setpoint\": 2", "{\"version\": 1}",
        "{\"version\": 1, \"target\": {\"mode\": \"boost\", \"setpoint\": 20, \"hysteresis\": 0.5}}",
        "{\"version\": 7, \"target\": {\"mode\": \"heat\", \"setpoint\": 20, \"hysteresis\": 0.5}}",
        "{\"version\": 1, \"target\": {\"mode\": \"heat\", \"setpoint\": \"warm\", \"hysteresis\": 0.5}}",
        "{\"version\": 1, \"target\": {\"mode\": \"heat\", \"setpoint\": 20, \"preset\": \"\u{FF}\", \"hysteresis\": 0.5}}",
    ])
    func corruptFileGivesTheDefaultsAndSaysWhy(contents: String) throws {
        let directory = try ScratchDirectory()
        let url = directory.url.appendingPathComponent("living.json")
        // The last case stands for a file that is not UTF-8: U+00FF becomes a lone byte 0xFF.
        try Data(contents.unicodeScalars.map { $0 == "\u{FF}" ? [0xFF] : Array(String($0).utf8) }.joined())
            .write(to: url)
        let file = ThermostatStateFile(path: url.path)
        let restored = file.restore(settings: settings)
        #expect(restored.target == settings.initialTarget)
        guard case .corrupt(let path, let reason)? = restored.problem else {
            Issue.record("expected a corrupt-file problem, got \(String(describing: restored.problem))")
            return
        }
        #expect(path == url.path)
        #expect(!reason.isEmpty)
        #expect("\(restored.problem!)".hasPrefix("thermostat state \(url.path) is corrupt: "))
    }

    @Test func corruptFileSaysWhereAndWhat() throws {
        let directory = try ScratchDirectory()
        let url = try directory.write("{\"version\": 1,\n \"target\": {\"mode\": \"boost\", \"setpoint\": 20, \"hysteresis\": 0.5}}", to: "living.json")
        #expect(ThermostatStateFile(path: url.path).restore(settings: settings).problem == .corrupt(
            path: url.path, reason: #"living.json:2:21: target.mode: expected one of off, heat, cool, auto, got "boost""#))
        try directory.write("{\"version\": 2, \"target\": {}}", to: "living.json")
        #expect(ThermostatStateFile(path: url.path).restore(settings: settings).problem == .corrupt(
            path: url.path, reason: "version 2, expected 1"))
    }

    @Test func targetThatNoLongerFitsTheSettingsGivesTheDefaults() throws {
        let directory = try ScratchDirectory()
        let file = ThermostatStateFile(path: directory.path("living.json"))
        try file.save(ThermostatTarget(mode: .heat, setpoint: 21, preset: "party"))
        let restored = file.restore(settings: settings)
        #expect(restored.target == settings.initialTarget)
        #expect(restored.problem == .doesNotFit(path: file.path, .unknownPreset("party", known: ["comfort", "eco"])))
    }

    @Test func unwritableDirectoryIsAnError() throws {
        let directory = try ScratchDirectory()
        let file = ThermostatStateFile(path: directory.path("missing/living.json"))
        #expect(throws: ThermostatStateFileError.unwritable(path: file.path, reason: "No such file or directory")) {
            try file.save(ThermostatTarget())
        }
    }
}
