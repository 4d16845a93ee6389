import Foundation
import Logging
import XMPPClient

/// What every device endpoint and the hub share: who may do what, how fast, where readings
/// are kept, and how the gateway names itself.
public struct GatewayServices: Sendable {
    public var access: AccessPolicy
    public var controlLimiter: ControlRateLimiter<ContinuousClock>
    public var history: HistoryStore?
    /// Control messages stored by the server longer than this are not applied.
    public var maximumControlDelay: Duration
    public var logger: Logger
    public var wallClock: @Sendable () -> Date

    public init(
        access: AccessPolicy,
        controlLimiter: ControlRateLimiter<ContinuousClock>,
        history: HistoryStore?,
        maximumControlDelay: Duration = .seconds(60),
        logger: Logger,
        wallClock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.access = access
        self.controlLimiter = controlLimiter
        self.history = history
        self.maximumControlDelay = maximumControlDelay
        self.logger = logger
        self.wallClock = wallClock
    }

    /// `nil` when `sender` may do `action` on `device`; otherwise the refusal, logged.
    func refusal(of action: AccessAction, by sender: JID, device: String?) -> AccessRefusal? {
        guard let refusal = access.refusal(of: action, by: sender, device: device) else { return nil }
        logger.warning("\(refusal)")
        return refusal
    }

    /// Whether a control attempt by `sender` is within its rate; logs when it is not.
    func withinControlRate(_ sender: JID) -> Bool {
        guard !controlLimiter.allow(sender) else { return true }
        logger.warning("control by \(sender) refused: rate limit")
        return false
    }
}
