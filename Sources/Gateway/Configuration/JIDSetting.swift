import Drivers
import XMPPClient

/// Reads JIDs out of decoded configuration records, reporting each one that is not a valid
/// bare JID at the key (and list position) it was written at.
enum JIDSetting {
    static let expectation = "a bare JID such as name@example.org"

    /// The bare JID at `key`; `nil` when absent or invalid (then reported).
    static func bareJID(_ record: SettingsRecord, _ key: String, errors: inout [CatalogError]) -> JID? {
        guard let text = record.string(key) else { return nil }
        return parse(text, at: record.location(of: key), record.path(of: key), errors: &errors)
    }

    /// Every valid bare JID of the list at `key`; each invalid one is reported at its index.
    static func bareJIDs(_ record: SettingsRecord, _ key: String, errors: inout [CatalogError]) -> [JID] {
        let location = record.location(of: key)
        return record.strings(key).enumerated().compactMap { index, text in
            parse(text, at: location, record.path(of: key).appending(index: index), errors: &errors)
        }
    }

    private static func parse(_ text: String, at location: SourceLocation, _ path: SettingPath, errors: inout [CatalogError]) -> JID? {
        let jid: JID
        do {
            jid = try JID(text)
        } catch {
            errors.append(.invalid(at: location, path, expected: expectation, got: "\"\(text)\" (\(error))"))
            return nil
        }
        guard jid.isBare else {
            errors.append(.invalid(at: location, path, expected: expectation + " (access is by bare JID; resources are not trusted)", got: "\"\(text)\""))
            return nil
        }
        return jid
    }
}
