import FoundationEssentials
import Glibc
import Hardware

/// Where a thermostat keeps its mode, setpoint, preset and hysteresis across restarts: a small
/// JSON file in the gateway's state directory, one per thermostat.
///
/// A file rather than a table in the history database: the target must survive a history
/// that is deleted, pruned or disabled, and a person can read and fix a JSON file by hand.
/// Writes are atomic — a temporary file is written, flushed to disk, renamed over the old
/// one and the directory flushed — so a crash or power cut leaves the old target or the new
/// one, never half of each. The file is readable by the service user only.
public struct ThermostatStateFile: Sendable {
    /// The file's layout; a future layout gets a new number and a conversion.
    private struct Contents: Codable {
        var version: Int
        var target: ThermostatTarget
    }

    private static let version = 1

    public let url: URL

    public init(url: URL) {
        self.url = url
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
            return (settings.initialTarget, .doesNotFit(path: url.path, error))
        }
        return (stored, nil)
    }

    /// The persisted target, or `nil` when there is no file.
    public func load() throws(ThermostatStateFileError) -> ThermostatTarget? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: SystemErrorCode.reason(ofFileError: error))
        }
        let contents: Contents
        do {
            contents = try JSONDecoder().decode(Contents.self, from: data)
        } catch {
            throw .corrupt(path: url.path, reason: Self.reason(error))
        }
        guard contents.version == Self.version else {
            throw .corrupt(path: url.path, reason: "version \(contents.version), expected \(Self.version)")
        }
        return contents.target
    }

    /// Replaces the persisted target atomically and durably.
    public func save(_ target: ThermostatTarget) throws(ThermostatStateFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(Contents(version: Self.version, target: target))
        } catch {
            throw .unwritable(path: url.path, reason: "\(error)")
        }
        let temporary = url.path + ".tmp"
        do throws(POSIXError) {
            try Self.writeDurably(data, to: temporary)
            guard rename(temporary, url.path) == 0 else { throw Self.lastError }
            try Self.flushDirectory(of: url)
        } catch {
            unlink(temporary)
            throw .unwritable(path: url.path, reason: String(cString: strerror(error.code.rawValue)))
        }
    }

    private static func writeDurably(_ data: Data, to path: String) throws(POSIXError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw lastError }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return true }
            var offset = 0
            while offset < bytes.count {
                let count = write(descriptor, start + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        guard written, fsync(descriptor) == 0 else { throw lastError }
    }

    /// Makes the rename itself durable: without it a power cut may bring back the old name.
    private static func flushDirectory(of url: URL) throws(POSIXError) {
        let descriptor = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw lastError }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw lastError }
    }

    private static var lastError: POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }

    /// A decoding error in a sentence: which key, what was wrong.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case let .dataCorrupted(context), let .keyNotFound(_, context), let .typeMismatch(_, context),
            let .valueNotFound(_, context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
