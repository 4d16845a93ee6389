import Glibc
import Hardware

/// Where a thermostat keeps its mode, setpoint, preset and hysteresis across restarts: a small
/// JSON file in the gateway's state directory, one per thermostat.
///
/// A file rather than a table in the history database: the target must survive a history
/// that is deleted, pruned or disabled, and a person can read and fix a JSON file by hand.
/// Writes are atomic and durable (`FileAccess.replace`), so a crash or power cut leaves the
/// old target or the new one, never half of each. The file is readable by the service user
/// only.
public struct ThermostatStateFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The target to start with: the persisted one when it is readable and fits `settings`,
    /// otherwise the settings' initial target together with the reason, for the log. A missing
    /// file is a first start, not a problem.
    public func restore(settings: ThermostatSettings) -> (target: ThermostatTarget, problem: ThermostatStateFileError?) {
        let stored: ThermostatTarget?
        do {
            stored = try load()
        } catch {
            return (settings.initialTarget, error)
        }
        guard let stored else { return (settings.initialTarget, nil) }
        do {
            try stored.check(against: settings)
        } catch {
            return (settings.initialTarget, .doesNotFit(path: path, error))
        }
        return (stored, nil)
    }

    /// The persisted target, or `nil` when there is no file.
    public func load() throws(ThermostatStateFileError) -> ThermostatTarget? {
        let text: String
        do {
            text = try FileAccess.utf8Text(of: path)
        } catch .unreadable(let code) where code.rawValue == ENOENT {
            return nil
        } catch .unreadable(let code) {
            throw .unreadable(path: path, reason: code.reason)
        } catch {
            throw .corrupt(path: path, reason: error.reason)
        }
        return try Self.target(fromJSON: text, path: path)
    }

    /// Replaces the persisted target atomically and durably.
    public func save(_ target: ThermostatTarget) throws(ThermostatStateFileError) {
        do {
            try FileAccess.replace(path, with: Array(Self.json(target).utf8), permissions: 0o600, durably: true)
        } catch {
            throw .unwritable(path: path, reason: error.reason)
        }
    }
}
