import FoundationEssentials
import XMPPClient
import XMPPIoT

/// What every session of the gateway does first with an IQ request, and the requests every
/// session answers the same way.
enum IncomingRequest {
    /// The sender and what the IQ asks; or the error answer when it cannot be served.
    static func read(_ iq: IQ) -> Result<(sender: JID, request: IoTRequest), IoTRequestError> {
        guard let sender = iq.from else { return .failure(.badRequest("A request needs a sender.")) }
        do {
            return .success((sender, try IoTRequest(iq: iq)))
        } catch {
            return .failure(error)
        }
    }

    /// Routes every request a gateway session serves on `session` to `answer`, and answers
    /// XEP-0092 version and XEP-0202 time requests itself, the same for every session (the
    /// session answers XEP-0199 pings on its own).
    static func serve(on session: XMPPSession, now: @escaping @Sendable () -> Date, answer: @escaping RequestResponder) {
        let payloads = [
            ("req", IoTNamespace.sensorData), ("cancel", IoTNamespace.sensorData),
            ("set", IoTNamespace.control), ("getForm", IoTNamespace.control),
            ("command", IoTNamespace.commands),
            ("query", IoTNamespace.discoInfo), ("query", IoTNamespace.discoItems),
        ]
        for (name, namespace) in payloads {
            session.respondToRequests(named: name, namespace: namespace, answer)
        }
        session.handleRequests(named: "query", namespace: IoTNamespace.version) { _ in .success(DeviceIdentity.version.element) }
        session.handleRequests(named: "time", namespace: IoTNamespace.time) { _ in .success(EntityTime.element(now: now())) }
    }
}
