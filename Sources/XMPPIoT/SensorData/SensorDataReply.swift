import XMPPClient

/// A device's answer to our readout IQ (client side), in every shape peers send: v0.3+
/// stanza errors, slixmpp's error IQ that carries only `<rejected>`, and both together.
public enum SensorDataReply: Sendable, Equatable {
    case accepted(seqnr: String, queued: Bool)
    case cancelled(seqnr: String)
    /// `text` from `<rejected><error>` or the stanza error's text; `error` when the IQ has
    /// a stanza error at all.
    case rejected(seqnr: String?, text: String?, error: StanzaError?)

    /// Reads a result or error IQ; nil for a result without a sensor-data payload (which a
    /// client treats as accepted when `<fields>` already arrived, brief §1.3).
    public init?(iq: IQ) throws(IoTRequestError) {
        let payload = iq.payload?.namespace == IoTNamespace.sensorData ? iq.payload : nil
        switch iq.kind {
        case .error:
            let legacyText = payload?.element("error", namespace: IoTNamespace.sensorData)?.text
            self = .rejected(seqnr: payload?.attribute("seqnr"), text: legacyText ?? iq.error?.text, error: iq.error)
        case .result:
            guard let payload else { return nil }
            guard let seqnr = payload.attribute("seqnr") else { throw .badRequest("<\(payload.name)> has no seqnr.") }
            switch payload.name {
            case "accepted": self = .accepted(seqnr: seqnr, queued: try payload.booleanAttribute("queued") ?? false)
            case "cancelled": self = .cancelled(seqnr: seqnr)
            default: return nil
            }
        case .get, .set:
            return nil
        }
    }
}
