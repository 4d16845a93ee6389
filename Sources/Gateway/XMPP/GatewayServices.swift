import FoundationEssentials
import Synchronization
import Logging
import XMPPClient

/// What every device endpoint and the hub share: who may do what, how fast, where readings
/// are kept, and how the gateway names itself.
public struct GatewayServices: Sendable {
    private let rules: AccessRules
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
        rules = AccessRules(access: access, controlLimiter: controlLimiter)
        self.history = history
        self.maximumControlDelay = maximumControlDelay
        self.logger = logger
        self.wallClock = wallClock
    }

    public var access: AccessPolicy { rules.current.access }

    /// Applies a reloaded `access` section; the next request is judged by it.
    func replaceAccess(_ access: AccessPolicy, controlLimiter: ControlRateLimiter<ContinuousClock>) {
        rules.current = (access, controlLimiter)
    }

    /// `nil` when `sender` may do `action` on `device`; otherwise the refusal, logged.
    func refusal(of action: AccessAction, by sender: JID, device: String?) -> AccessRefusal? {
        guard let refusal = access.refusal(of: action, by: sender, device: device) else { return nil }
        logger.warning("\(refusal)")
        return refusal
    }

    /// Whether a control attempt by `sender` is within its rate; logs when it is not.
    func withinControlRate(_ sender: JID) -> Bool {
        guard !rules.current.controlLimiter.allow(sender) else { return true }
        logger.warning("control by \(sender) refused: rate limit")
        return false
    }
}

/// The access policy and control rate limit in force, shared by every session.
private final class AccessRules: Sendable {
    private let state: Mutex<(access: AccessPolicy, controlLimiter: ControlRateLimiter<ContinuousClock>)>

    init(access: AccessPolicy, controlLimiter: ControlRateLimiter<ContinuousClock>) {
        state = Mutex((access, controlLimiter))
    }

    var current: (access: AccessPolicy, controlLimiter: ControlRateLimiter<ContinuousClock>) {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
