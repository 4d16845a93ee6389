import XMPPClient

/// What an incoming message asks of a gateway session.
public enum IoTMessage: Sendable, Hashable {
    /// A readout requested by message: results go out as messages, nothing else answers it.
    case readout(SensorDataRequest)
    /// A control message, never answered. `delay` is set when the server stored it: the
    /// gateway refuses it when ``DelayStamp/isOlder(than:now:)``.
    case controlSet(ControlSetRequest, delay: DelayStamp?)
    /// A chat line for ``ChatCommandParser``.
    case chat(String, delay: DelayStamp?)
    case pubsubEvent(PubSubEventNotification)

    /// Classifies a message; nil for messages the IoT layer has nothing to do with (errors,
    /// groupchat, chat states). Malformed IoT payloads throw, for logging: messages get no
    /// error reply.
    public init?(message: Message) throws(IoTRequestError) {
        guard message.kind != .error, message.kind != .groupchat else { return nil }
        if let request = try ControlSetRequest(message: message) {
            self = .controlSet(request, delay: DelayStamp(message: message))
        } else if let request = try SensorDataRequest(message: message) {
            self = .readout(request)
        } else if let event = try PubSubEventNotification(message: message) {
            self = .pubsubEvent(event)
        } else if let body = message.body, !body.trimmingWhitespace().isEmpty, message.kind != .headline {
            self = .chat(body, delay: DelayStamp(message: message))
        } else {
            return nil
        }
    }
}
