import XMPPClient

/// Decides who may read, control and subscribe, from the configured roles.
///
/// Decisions look only at the sender's bare JID: a resource is chosen by the client and
/// proves nothing, so `alice@example.org/anything` is Alice, and nothing else is. JIDs are
/// compared after RFC 7622 case mapping (the `JID` type lower-cases localpart and domain when
/// it parses them), so `Alice@Example.ORG` is Alice too. Anyone without a role is refused
/// everything, and no subscription is approved for them.
public struct AccessPolicy: Sendable {
    private let owner: JID
    private let controllersOfAll: Set<JID>
    private let controllersByDevice: [String: Set<JID>]
    private let readers: Set<JID>

    public init(_ access: AccessConfiguration) {
        owner = access.owner.bare
        controllersOfAll = Set(access.controllers.map(\.bare))
        controllersByDevice = access.deviceControllers.mapValues { Set($0.map(\.bare)) }
        readers = Set(access.readers.map(\.bare))
    }

    /// The strongest role `sender` has for `device`; `nil`: none at all.
    public func role(of sender: JID, device: String) -> AccessRole? {
        let bare = sender.bare
        if bare == owner { return .owner }
        if controllersOfAll.contains(bare) || controllersByDevice[device]?.contains(bare) == true { return .controller }
        if readers.contains(bare) { return .reader }
        return nil
    }

    public func mayRead(_ sender: JID, device: String) -> Bool {
        role(of: sender, device: device) != nil
    }

    public func mayControl(_ sender: JID, device: String) -> Bool {
        role(of: sender, device: device)?.mayControl ?? false
    }

    /// Whether to approve `sender`'s presence subscription: only for JIDs with a role on some
    /// device, since presence and PEP readings go to every subscriber.
    public func shouldApproveSubscription(from sender: JID) -> Bool {
        everyoneWithARole.contains(sender.bare)
    }

    /// The bare JIDs with a role on some device: who may see every device's readings.
    public var everyoneWithARole: Set<JID> {
        controllersByDevice.values.reduce(controllersOfAll.union(readers).union([owner])) { $0.union($1) }
    }

    /// The decision for `action` as a refusal to log and reply with; `nil` when allowed.
    public func refusal(of action: AccessAction, by sender: JID, device: String?) -> AccessRefusal? {
        let allowed: Bool
        var role: AccessRole?
        switch (action, device) {
        case (.subscribe, _), (_, nil):
            allowed = action == .subscribe && shouldApproveSubscription(from: sender)
        case let (.read, device?):
            role = self.role(of: sender, device: device)
            allowed = role != nil
        case let (.control, device?):
            role = self.role(of: sender, device: device)
            allowed = role?.mayControl ?? false
        }
        return allowed ? nil : AccessRefusal(sender: sender, action: action, device: device, role: role)
    }
}
