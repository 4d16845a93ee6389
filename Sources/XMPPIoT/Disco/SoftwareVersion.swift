import XMPPClient

/// The XEP-0092 answer: `<query xmlns='jabber:iq:version'><name/><version/>[<os/>]</query>`.
public struct SoftwareVersion: Sendable, Hashable {
    public var name: String
    public var version: String
    /// Optional and configurable: some operators do not want to disclose it.
    public var operatingSystem: String?

    public init(name: String, version: String, operatingSystem: String? = nil) {
        self.name = name
        self.version = version
        self.operatingSystem = operatingSystem
    }

    public var element: XMLElement {
        let namespace = IoTNamespace.version
        var children: [XMLElement] = [.text("name", namespace, name), .text("version", namespace, version)]
        if let operatingSystem { children.append(.text("os", namespace, operatingSystem)) }
        return .make("query", namespace, [], children)
    }
}
