import XMPPClient

/// A readout message from a device (client side): what happened to request `seqnr`.
public enum SensorDataProgress: Sendable, Hashable {
    case started(seqnr: String)
    case fields(SensorDataFields)
    case failure(seqnr: String, errors: [SensorReadoutError], done: Bool)
    /// The standalone `<done/>`.
    case done(seqnr: String)

    /// The seqnr the message belongs to.
    public var seqnr: String {
        switch self {
        case .started(let seqnr), .failure(let seqnr, _, _), .done(let seqnr): seqnr
        case .fields(let fields): fields.seqnr
        }
    }

    /// Whether the request is finished after this message.
    public var isFinal: Bool {
        switch self {
        case .started: false
        case .fields(let fields): fields.done
        case .failure(_, _, let done): done
        case .done: true
        }
    }

    /// Reads the sensor-data payload of a message; nil when it has none.
    public init?(message: Message) throws(IoTRequestError) {
        guard let payload = message.payloads.first(where: { $0.namespace == IoTNamespace.sensorData }) else { return nil }
        if payload.name == "fields" {
            self = .fields(try SensorDataFields(payload))
            return
        }
        guard let seqnr = payload.attribute("seqnr") else { throw .badRequest("<\(payload.name)> has no seqnr.") }
        switch payload.name {
        case "started":
            self = .started(seqnr: seqnr)
        case "done":
            self = .done(seqnr: seqnr)
        case "failure":
            var errors: [SensorReadoutError] = []
            for error in payload.elements("error", namespace: IoTNamespace.sensorData) {
                let stamp = error.attribute("timestamp").flatMap(XSDateTime.init(lexical:))
                guard let nodeId = error.attribute("nodeId"), let stamp else {
                    throw .badRequest("A failure <error> needs nodeId and timestamp.")
                }
                errors.append(SensorReadoutError(nodeId: nodeId, timestamp: stamp.date, text: error.text))
            }
            self = .failure(seqnr: seqnr, errors: errors, done: try payload.booleanAttribute("done") ?? false)
        default:
            return nil
        }
    }
}
