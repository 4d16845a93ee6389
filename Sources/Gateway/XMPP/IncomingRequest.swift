import Foundation
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

    /// The answer to ping, XEP-0092 version and XEP-0202 time; `nil` for anything else.
    static func standardAnswer(_ request: IoTRequest, iq: IQ, now: Date) -> RequestAnswer? {
        switch request {
        case .ping: RequestAnswer(iq.result())
        case .softwareVersion: RequestAnswer(iq.result(DeviceIdentity.version.element))
        case .entityTime: RequestAnswer(iq.result(EntityTime.element(now: now)))
        default: nil
        }
    }
}
