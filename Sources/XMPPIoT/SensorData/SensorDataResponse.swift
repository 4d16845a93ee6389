import FoundationEssentials
import XMPPClient

/// Builders for a device's answers to XEP-0323 requests, in the requester's dialect.
///
/// The flow (brief §1.3): the IQ gets ``accepted(_:queued:)`` or ``rejection(answering:seqnr:error:dialect:)``;
/// a queued readout sends ``started(_:)`` when it begins; results go out as
/// ``fieldMessages(seqnr:node:fields:dialect:maxFieldsPerMessage:)`` (the last one `done='true'`)
/// or end in ``failure(_:errors:done:dialect:)``; ``cancelled(_:)`` answers a `<cancel>`.
public enum SensorDataResponse {
    /// `<accepted seqnr [queued='true']/>`, the IQ result. Promise ``started(_:)`` only when queued.
    public static func accepted(_ seqnr: String, queued: Bool = false) -> XMLElement {
        .make("accepted", IoTNamespace.sensorData, [("seqnr", seqnr)] + (queued ? [("queued", "true")] : []))
    }

    /// The acceptance of `request`, queued when its `when` lies after `now`.
    public static func accepted(_ request: SensorDataRequest, now: Date) -> XMLElement {
        accepted(request.seqnr, queued: request.isQueued(now: now))
    }

    /// `<started seqnr/>`, a message when a queued readout begins.
    public static func started(_ seqnr: String) -> XMLElement {
        .make("started", IoTNamespace.sensorData, [("seqnr", seqnr)])
    }

    /// `<done seqnr/>`. Legal but Smack never finishes on it: prefer `done='true'` on the
    /// last `<fields>`.
    public static func done(_ seqnr: String) -> XMLElement {
        .make("done", IoTNamespace.sensorData, [("seqnr", seqnr)])
    }

    /// `<cancelled seqnr/>`, the IQ result to a `<cancel>`.
    public static func cancelled(_ seqnr: String) -> XMLElement {
        .make("cancelled", IoTNamespace.sensorData, [("seqnr", seqnr)])
    }

    /// `<failure seqnr [done='true']>` with one `<error nodeId timestamp>` per problem.
    /// slixmpp ends the request on any failure, so to it send failures last, with `done`.
    public static func failure(_ seqnr: String, errors: [SensorReadoutError], done: Bool = true,
                               dialect: SensorDataDialect = .standard) -> XMLElement {
        XMLElement("failure", namespace: IoTNamespace.sensorData,
                   attributes: [XMLAttribute("seqnr", value: seqnr)] + (done ? [XMLAttribute("done", value: "true")] : []),
                   children: errors.map { .element($0.element(dialect: dialect)) })
    }

    /// The `<fields>` payloads for one node's readout, `done='true'` on the last; one empty
    /// `<fields done='true'/>` when nothing matched. slixmpp gets one message per timestamp,
    /// everyone else up to `maxFieldsPerMessage` fields per message.
    public static func fieldMessages(seqnr: String, node: NodeReference, fields: [SensorField],
                                     dialect: SensorDataDialect = .standard,
                                     maxFieldsPerMessage: Int = 100) -> [XMLElement] {
        var chunks: [[SensorField]] = []
        for field in fields {
            let startsChunk: Bool
            if let current = chunks.last {
                startsChunk = dialect == .slixmpp
                    ? current[0].timestamp != field.timestamp
                    : current.count >= max(1, maxFieldsPerMessage)
            } else {
                startsChunk = true
            }
            if startsChunk { chunks.append([field]) } else { chunks[chunks.count - 1].append(field) }
        }
        guard !chunks.isEmpty else {
            return [SensorDataFields(seqnr: seqnr, done: true, nodes: []).element(dialect: dialect)]
        }
        return chunks.enumerated().map { index, chunk in
            SensorDataFields(seqnr: seqnr, done: index == chunks.count - 1,
                             nodes: [.init(node: node, fields: chunk)]).element(dialect: dialect)
        }
    }

    /// The error IQ refusing a request. Standard peers get the stanza error; slixmpp also
    /// gets the v0.2 `<rejected seqnr><error>text</error></rejected>` it alone understands
    /// (conformant receivers ignore the extra child).
    public static func rejection(answering request: IQ, seqnr: String?, error: IoTRequestError,
                                 dialect: SensorDataDialect) -> IQ {
        var reply = request.error(error.stanzaError)
        if dialect == .slixmpp, let seqnr {
            reply.payload = XMLElement("rejected", namespace: IoTNamespace.sensorData,
                                       attributes: [XMLAttribute("seqnr", value: seqnr)],
                                       children: [.element(.text("error", IoTNamespace.sensorData, error.text))])
        }
        return reply
    }

    /// The seqnr of a `<cancel seqnr/>` IQ payload.
    public static func cancelSeqnr(_ element: XMLElement) throws(IoTRequestError) -> String {
        guard element.name == "cancel", element.namespace == IoTNamespace.sensorData else {
            throw .badRequest("Expected <cancel xmlns='\(IoTNamespace.sensorData)'>.")
        }
        return try SensorDataRequest.seqnr(of: element)
    }
}
