import XMPPClient

/// One item to publish: by default a device's readings to PEP node
/// `urn:xmpp:iot:sensordata`, item id = device id, payload one `<fields seqnr='0'
/// done='true'>` (brief §4.7). With `service` set it goes to a pubsub service instead of
/// the account's own PEP service.
public struct PEPPublication: Sendable, Hashable {
    public var node: String
    public var itemId: String
    public var payload: XMLElement
    public var options: PublishOptions?
    /// Nil for PEP (the request goes to the own bare JID, i.e. has no `to`).
    public var service: JID?

    public init(node: String = IoTNamespace.sensorData, itemId: String, payload: XMLElement,
                options: PublishOptions? = PublishOptions(), service: JID? = nil) {
        self.node = node
        self.itemId = itemId
        self.payload = payload
        self.options = options
        self.service = service
    }

    /// A device's current readings as our payload convention has them.
    public static func readings(deviceId: String, fields: [SensorField], options: PublishOptions? = PublishOptions(),
                                service: JID? = nil) -> PEPPublication {
        let payload = SensorDataFields(seqnr: "0", done: true, nodeId: deviceId, fields: fields).element()
        return PEPPublication(itemId: deviceId, payload: payload, options: options, service: service)
    }

    public func iq(id: String) -> IQ {
        let namespace = IoTNamespace.pubsub
        var children = [XMLElement.make("publish", namespace, [("node", node)], [
            .make("item", namespace, [("id", itemId)], [payload]),
        ])]
        if let options { children.append(.make("publish-options", namespace, [], [options.form.element])) }
        return IQ(kind: .set, id: id, to: service, payload: .make("pubsub", namespace, [], children))
    }
}
