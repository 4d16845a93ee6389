/// The gateway's release version, reported by `xmpp-iot-gateway version` and XEP-0092.
public enum GatewayVersion {
    public static let current = "0.1.0"
}
