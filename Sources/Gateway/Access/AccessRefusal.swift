import Logging
import XMPPClient

/// A request the access policy refused: who asked (the full JID as received, for the log),
/// for what, on which device. Logged on every refusal; `reply` is what the sender is told.
public struct AccessRefusal: Sendable, Hashable, CustomStringConvertible {
    public var sender: JID
    public var action: AccessAction
    /// `nil` for a subscription, which is to the whole account.
    public var device: String?
    /// The sender's role where it had one too weak for the action (a reader asking to control).
    public var role: AccessRole?

    public init(sender: JID, action: AccessAction, device: String?, role: AccessRole?) {
        self.sender = sender
        self.action = action
        self.device = device
        self.role = role
    }

    /// One log line: `refused control of heating by mallory@example.org/phone: not authorized`.
    public var description: String {
        let subject = device.map { "\(action.rawValue) of \($0)" } ?? action.rawValue
        let reason = role.map { "a \($0) may not \(action.rawValue)" } ?? "not authorized"
        return "refused \(subject) by \(sender): \(reason)"
    }

    /// What the log line carries as metadata.
    public var metadata: Logger.Metadata {
        var metadata: Logger.Metadata = ["jid": "\(sender)", "action": "\(action.rawValue)"]
        if let device { metadata["device"] = "\(device)" }
        if let role { metadata["role"] = "\(role)" }
        return metadata
    }

    /// The text sent back to the sender.
    public var reply: String {
        switch action {
        case .read: "You are not allowed to read \(device ?? "this device")."
        case .control: "You are not allowed to control \(device ?? "this device")."
        case .subscribe: "You are not allowed to subscribe to this gateway."
        }
    }
}
