/// XML namespaces of the XMPP Internet-of-Things extensions the gateway speaks.
public enum IoTNamespace {
    /// XEP-0323 sensor data.
    public static let sensorData = "urn:xmpp:iot:sensordata"
    /// XEP-0325 control.
    public static let control = "urn:xmpp:iot:control"
}
