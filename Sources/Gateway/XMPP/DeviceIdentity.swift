import Drivers
import XMPPIoT

/// How the gateway's sessions describe themselves: disco#info, the XEP-0115 caps on every
/// presence, and XEP-0092 version.
enum DeviceIdentity {
    /// Where caps verification strings point (XEP-0115 `node`).
    static let capsNode = "https://github.com/xmpp-iot-gateway"

    static let version = SoftwareVersion(name: "xmpp-iot-gateway", version: GatewayVersion.current, operatingSystem: "Linux")

    /// A device session's disco#info (`model == nil`: the hub). The answer to a caps node
    /// (`node#ver`) is the same info under that node.
    static func info(of model: DeviceModel?, node: String? = nil) -> DiscoInfo {
        let controllable = model?.parameters.contains(where: \.isWritable) ?? true
        return DiscoInfo(
            node: node, identities: [.bot(name: model.map { "\($0.name) on xmpp-iot-gateway" } ?? "xmpp-iot-gateway")],
            offering: IoTFeature.device(controllable: controllable))
    }

    /// The `<c/>` element for a presence; `nil` if the hash cannot be computed.
    static func capabilities(of model: DeviceModel?) -> EntityCapabilities? {
        try? EntityCapabilities(node: capsNode, info: info(of: model))
    }
}
