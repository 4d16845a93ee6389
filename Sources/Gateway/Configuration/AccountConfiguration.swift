import Drivers
import XMPPClient

/// The XMPP account the gateway logs in with (`account:`): every device is a resource of it.
public struct AccountConfiguration: Sendable, CustomStringConvertible {
    /// The bare account JID; each device binds its id as the resource.
    public var jid: JID
    public var password: PasswordSource
    /// Where to connect instead of the JID's domain on port 5222 (or 5223 with direct TLS).
    public var endpoint: ClientConfiguration.Endpoint?
    /// TLS from the first byte (XEP-0368) instead of STARTTLS.
    public var directTLS: Bool
    /// Trust only the CAs in this PEM file instead of the system store.
    public var caFile: String?
    /// Also require the server's chain to carry this public key.
    public var spkiPin: SPKIPin?
    /// Allow SASL PLAIN (inside TLS only); off so that a downgrade cannot reveal the password.
    public var allowPLAIN: Bool
    /// Where the files it names were written, for the checks of those files. Holds only
    /// those keys, so that no copy of an inline password is kept beside `password`.
    public var source: SettingsRecord

    public static let defaultPort = 5222
    public static let defaultDirectTLSPort = 5223

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration("jid", .string, required: true, doc: "The gateway's account, such as gateway@example.org."),
        SettingDeclaration("password", .string, doc: "The account's password; prefer password_file."),
        SettingDeclaration(
            "password_file", .string,
            doc: "A file holding the password on its first line, readable only by the service user (mode 600)."
        ),
        SettingDeclaration(
            "server",
            .record([
                SettingDeclaration("host", .string, required: true, doc: "Host name or address of the server."),
                SettingDeclaration("port", .int, range: 1...65_535, doc: "TCP port; 5222, or 5223 with direct_tls."),
            ]),
            doc: "Connect here instead of the JID's domain."
        ),
        SettingDeclaration("direct_tls", .bool, default: .bool(false), doc: "TLS from the first byte (XEP-0368) instead of STARTTLS."),
        SettingDeclaration("ca_file", .string, doc: "PEM file of the CAs to trust instead of the system store."),
        SettingDeclaration("spki_pin", .string, doc: "Base64 SHA-256 of a public key the server's chain must carry."),
        SettingDeclaration("allow_plain", .bool, default: .bool(false), doc: "Allow SASL PLAIN inside TLS."),
    ]

    /// The account a decoded `account:` record describes; `nil` when the JID or the password
    /// is missing or invalid (reported). Relative file paths are taken from `directory`.
    init?(record: SettingsRecord, directory: String, errors: inout [CatalogError]) {
        let jid = JIDSetting.bareJID(record, "jid", errors: &errors)
        if let jid, jid.localpart == nil {
            errors.append(record.invalid("jid", expected: "an account JID with a name, such as gateway@\(jid.domain)", got: "\"\(jid)\""))
        }
        let password: PasswordSource?
        switch (record.string("password"), record.string("password_file")) {
        case let (text?, nil):
            password = .inline(text)
        case let (nil, path?):
            password = .file(path: ConfigurationPath.resolve(path, in: directory))
        case (_?, _?):
            errors.append(record.invalid("password_file", expected: "password or password_file, not both", got: "both"))
            password = nil
        case (nil, nil):
            errors.append(CatalogError(
                location: record.location, path: record.path(of: "password"),
                problem: .missingKey(expected: "password or password_file")
            ))
            password = nil
        }
        var spkiPin: SPKIPin?
        if let pin = record.string("spki_pin") {
            do {
                spkiPin = try SPKIPin(base64: pin)
            } catch {
                errors.append(record.invalid("spki_pin", expected: "44 characters of Base64 (a SHA-256 digest)", got: "\"\(pin)\""))
            }
        }
        let directTLS = record.bool("direct_tls") ?? false
        guard let jid, jid.localpart != nil, let password else { return nil }
        self.jid = jid
        self.password = password
        self.directTLS = directTLS
        endpoint = record.record("server").flatMap { server in
            server.string("host").map { host in
                ClientConfiguration.Endpoint(
                    host: host,
                    port: server.int("port") ?? (directTLS ? Self.defaultDirectTLSPort : Self.defaultPort),
                    directTLS: directTLS
                )
            }
        }
        caFile = record.string("ca_file").map { ConfigurationPath.resolve($0, in: directory) }
        self.spkiPin = spkiPin
        allowPLAIN = record.bool("allow_plain") ?? false
        var fileKeys = SettingsRecord(location: record.location, path: record.path)
        for key in ["password_file", "ca_file"] {
            if let value = record[key] {
                fileKeys.set(key, value, writtenAt: record.location(of: key))
            }
        }
        source = fileKeys
    }

    /// The endpoint sessions connect to: the `server` override, else the JID's domain on the
    /// standard port; direct TLS without an override needs the port too.
    public var resolvedEndpoint: ClientConfiguration.Endpoint? {
        if let endpoint { return endpoint }
        return directTLS ? ClientConfiguration.Endpoint(host: jid.domain, port: Self.defaultDirectTLSPort, directTLS: true) : nil
    }

    /// The TLS context every session of the account shares.
    public func makeTLSContext() throws(TLSContextError) -> TLSContext {
        try TLSContext(trustRoots: caFile.map { .caFile(path: $0) } ?? .system, pins: spkiPin.map { [$0] } ?? [])
    }

    /// What one device's session needs, with `resource` as its resource.
    public func clientConfiguration(resource: String, password: String, tls: TLSContext) -> ClientConfiguration {
        var configuration = ClientConfiguration(account: jid, password: password, resource: resource, tls: tls, endpoint: resolvedEndpoint)
        configuration.allowPLAIN = allowPLAIN
        return configuration
    }

    public var description: String {
        "account \(jid) (\(password))"
    }
}
