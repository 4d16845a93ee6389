import Foundation
import Testing
@testable import Gateway

struct ThermostatStateFileTests {
    private let settings = ThermostatSettings(initialTarget: ThermostatTarget(mode: .heat, setpoint: 19))

    @Test func savedTargetComesBackAndOnlyTheOwnerCanReadIt() throws {
        let directory = try ScratchDirectory()
        let file = ThermostatStateFile(url: directory.url.appendingPathComponent("living.json"))
        let target = ThermostatTarget(mode: .heat, setpoint: 21.5, preset: "comfort", hysteresis: 0.3)
        try file.save(target)
        #expect(try file.load() == target)
        let restored = file.restore(settings: settings)
        #expect(restored.target == target)
        #expect(restored.problem == nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Saving again replaces the file; no temporary file is left behind.
        try file.save(ThermostatTarget(mode: .off, setpoint: 17, preset: "eco"))
        #expect(try file.load()?.mode == .off)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["living.json"])
    }

    @Test func missingFileIsAFirstStart() throws {
        let directory = try ScratchDirectory()
        let file = ThermostatStateFile(url: directory.url.appendingPathComponent("new.json"))
        #expect(try file.load() == nil)
        let restored = file.restore(settings: settings)
        #expect(restored.target == settings.initialTarget)
        #expect(restored.problem == nil)
    }

    @Test(arguments: [
        "", "not json", "{\"version\": 1, \"target\": {\"mode\": \"heat\", \"setpoint\": 2", "{\"version\": 1}",
        "{\"version\": 1, \"target\": {\"mode\": \"boost\", \"setpoint\": 20, \"hysteresis\": 0.5}}",
        "{\"version\": 7, \"target\": {\"mode\": \"heat\", \"setpoint\": 20, \"hysteresis\": 0.5}}",
    ])
    func corruptFileGivesTheDefaultsAndSaysWhy(contents: String) throws {
        let directory = try ScratchDirectory()
        let url = directory.url.appendingPathComponent("living.json")
        try contents.write(to: url, atomically: false, encoding: .utf8)
        let file = ThermostatStateFile(url: url)
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

    @Test func targetThatNoLongerFitsTheSettingsGivesTheDefaults() throws {
        let directory = try ScratchDirectory()
        let file = ThermostatStateFile(url: directory.url.appendingPathComponent("living.json"))
        try file.save(ThermostatTarget(mode: .heat, setpoint: 21, preset: "party"))
        let restored = file.restore(settings: settings)
        #expect(restored.target == settings.initialTarget)
        #expect(restored.problem == .doesNotFit(path: file.url.path, .unknownPreset("party", known: ["comfort", "eco"])))
    }

    @Test func unwritableDirectoryIsAnError() throws {
        let directory = try ScratchDirectory()
        let file = ThermostatStateFile(url: directory.url.appendingPathComponent("missing/living.json"))
        #expect(throws: ThermostatStateFileError.self) { try file.save(ThermostatTarget()) }
    }
}
