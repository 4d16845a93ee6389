/// XML namespaces of the XMPP extensions the IoT layer reads and writes.
public enum IoTNamespace {
    /// XEP-0323 sensor data.
    public static let sensorData = "urn:xmpp:iot:sensordata"
    /// XEP-0325 control.
    public static let control = "urn:xmpp:iot:control"
    /// XEP-0004 data forms.
    public static let dataForms = "jabber:x:data"
    /// XEP-0122 data forms validation.
    public static let dataFormsValidation = "http://jabber.org/protocol/xdata-validate"
    /// XEP-0050 ad-hoc commands.
    public static let commands = "http://jabber.org/protocol/commands"
    /// XEP-0030 service discovery.
    public static let discoInfo = "http://jabber.org/protocol/disco#info"
    public static let discoItems = "http://jabber.org/protocol/disco#items"
    /// XEP-0115 entity capabilities.
    public static let caps = "http://jabber.org/protocol/caps"
    /// XEP-0060 publish-subscribe and its companions.
    public static let pubsub = "http://jabber.org/protocol/pubsub"
    public static let pubsubEvent = "http://jabber.org/protocol/pubsub#event"
    public static let pubsubOwner = "http://jabber.org/protocol/pubsub#owner"
    public static let pubsubErrors = "http://jabber.org/protocol/pubsub#errors"
    public static let pubsubPublishOptions = "http://jabber.org/protocol/pubsub#publish-options"
    public static let pubsubNodeConfig = "http://jabber.org/protocol/pubsub#node_config"
    /// XEP-0199 ping, XEP-0092 software version, XEP-0202 entity time.
    public static let ping = "urn:xmpp:ping"
    public static let version = "jabber:iq:version"
    public static let time = "urn:xmpp:time"
    /// XEP-0203 delayed delivery and XEP-0334 processing hints.
    public static let delay = "urn:xmpp:delay"
    public static let hints = "urn:xmpp:hints"
}
