import FoundationEssentials
import XMPPClient

/// A per-node problem after a readout was accepted (a bus timeout, a failed sensor), sent
/// in a `<failure>` message rather than an IQ error.
public struct SensorReadoutError: Sendable, Hashable {
    public var nodeId: String
    public var timestamp: Date
    public var text: String

    public init(nodeId: String, timestamp: Date, text: String) {
        self.nodeId = nodeId
        self.timestamp = timestamp
        self.text = text
    }

    func element(dialect: SensorDataDialect) -> XMLElement {
        XMLElement("error", namespace: IoTNamespace.sensorData,
                   attributes: [XMLAttribute("nodeId", value: nodeId),
                                XMLAttribute("timestamp", value: XSDateTime.text(timestamp, withZone: dialect != .slixmpp))],
                   children: [.text(text)])
    }
}
