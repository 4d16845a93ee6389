import XMPPClient

/// What an incoming IQ get or set asks of a gateway session. The gateway checks access and
/// device state itself, then answers with the builders of each extension.
public enum IoTRequest: Sendable, Hashable {
    case readout(SensorDataRequest)
    case cancelReadout(seqnr: String)
    case controlSet(ControlSetRequest)
    case controlForm(ControlFormRequest)
    case command(AdHocCommand)
    case discoInfo(node: String?)
    case discoItems(node: String?)

    /// Classifies a get or set. A payload nobody here serves is `service-unavailable`
    /// (RFC 6120 §8.4); a known payload in the wrong IQ type or malformed is `bad-request`.
    public init(iq: IQ) throws(IoTRequestError) {
        guard iq.kind == .get || iq.kind == .set, let payload = iq.payload else {
            throw .badRequest("Only IQ get and set are requests.")
        }
        let kind = iq.kind
        func expect(_ wanted: IQ.Kind) throws(IoTRequestError) {
            guard kind == wanted else {
                throw .badRequest("<\(payload.name)> belongs in an IQ \(wanted.rawValue), not \(kind.rawValue).")
            }
        }
        switch (payload.namespace, payload.name) {
        case (IoTNamespace.sensorData, "req"):
            try expect(.get)
            self = .readout(try SensorDataRequest(payload, iqId: iq.id))
        case (IoTNamespace.sensorData, "cancel"):
            try expect(.get)
            self = .cancelReadout(seqnr: try SensorDataResponse.cancelSeqnr(payload))
        case (IoTNamespace.control, "set"):
            try expect(.set)
            self = .controlSet(try ControlSetRequest(payload))
        case (IoTNamespace.control, "getForm"):
            try expect(.get)
            self = .controlForm(try ControlFormRequest(payload))
        case (IoTNamespace.commands, "command"):
            try expect(.set)
            self = .command(try AdHocCommand(payload))
        case (IoTNamespace.discoInfo, "query"):
            try expect(.get)
            self = .discoInfo(node: payload.attribute("node"))
        case (IoTNamespace.discoItems, "query"):
            try expect(.get)
            self = .discoItems(node: payload.attribute("node"))
        default:
            throw IoTRequestError(.serviceUnavailable, "<\(payload.name) xmlns='\(payload.namespace)'> is not served here.")
        }
    }
}
