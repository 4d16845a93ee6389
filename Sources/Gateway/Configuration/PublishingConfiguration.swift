import Drivers
import XMPPClient

/// Where and how readings are published (`publishing:`): to the account's own PEP service
/// (the default: every contact with presence access sees them) or to a PubSub service, and the
/// publishing thresholds every field gets unless its device overrides them.
public struct PublishingConfiguration: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        case pep
        case pubsub
    }

    public var mode: Mode
    /// The PubSub service, with `mode: pubsub` only.
    public var service: JID?
    /// The node name readings go to, or the prefix of per-device node names.
    public var nodePrefix: String
    public var defaults: PublishPolicy

    public static let defaultNodePrefix = "urn:xmpp:iot:sensordata"

    public init(mode: Mode = .pep, service: JID? = nil, nodePrefix: String = defaultNodePrefix, defaults: PublishPolicy = PublishPolicy()) {
        self.mode = mode
        self.service = service
        self.nodePrefix = nodePrefix
        self.defaults = defaults
    }

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration(
            "mode", .choice(Mode.allCases.map(\.rawValue)), default: .string(Mode.pep.rawValue),
            doc: "pep: the account's own PEP service; pubsub: the service named by service."
        ),
        SettingDeclaration("service", .string, doc: "The PubSub service's JID (pubsub.example.org), with mode pubsub."),
        SettingDeclaration("node_prefix", .string, default: .string(defaultNodePrefix), doc: "The node name, or the prefix of node names."),
        SettingDeclaration("defaults", .record(PublishPolicy.declarations), doc: "Publishing thresholds of every field."),
    ]

    init(record: SettingsRecord?, errors: inout [CatalogError]) {
        let mode = record?.string("mode").flatMap(Mode.init(rawValue:)) ?? .pep
        var service: JID?
        if let record {
            service = JIDSetting.bareJID(record, "service", errors: &errors)
            if mode == .pubsub, !record.isWritten("service") {
                errors.append(CatalogError(
                    location: record.location, path: record.path(of: "service"),
                    problem: .missingKey(expected: "the PubSub service's JID (mode is pubsub)")
                ))
            }
            if mode == .pep, let text = record.string("service") {
                errors.append(record.invalid("service", expected: "no service with mode pep (PEP is the account's own)", got: "\"\(text)\""))
                service = nil
            }
        }
        self.init(
            mode: mode,
            service: service,
            nodePrefix: record?.string("node_prefix") ?? Self.defaultNodePrefix,
            defaults: PublishPolicy(record: record?.record("defaults"))
        )
    }
}
