import XMPPClient

/// The XEP-0115 `<c hash='sha-1' node ver/>` every available presence carries. sha-1 only:
/// Prosody 0.12's PEP ignores any other hash.
public struct EntityCapabilities: Sendable, Hashable {
    /// The software's URI, e.g. `https://example.net/iot-gateway`.
    public var node: String
    public var ver: String

    public init(node: String, ver: String) {
        self.node = node
        self.ver = ver
    }

    public init(node: String, info: DiscoInfo) throws(CryptoError) {
        self.init(node: node, ver: try info.capsHash())
    }

    /// The disco node a peer queries to verify the hash: `node#ver`.
    public var discoNode: String { "\(node)#\(ver)" }

    public var element: XMLElement {
        .make("c", IoTNamespace.caps, [("hash", "sha-1"), ("node", node), ("ver", ver)])
    }
}
