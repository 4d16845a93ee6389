/// One contact of the roster (RFC 6121 §2.1.2).
public struct RosterItem: Sendable, Equatable {
    public enum Subscription: String, Sendable {
        case none, to, from, both, remove
    }

    public static let namespace = "jabber:iq:roster"

    public var jid: JID
    public var name: String?
    public var subscription: Subscription
    /// A subscription request we sent is pending (`ask='subscribe'`).
    public var pendingOut: Bool
    public var groups: [String]

    public init(jid: JID, name: String? = nil, subscription: Subscription = .none, pendingOut: Bool = false, groups: [String] = []) {
        self.jid = jid
        self.name = name
        self.subscription = subscription
        self.pendingOut = pendingOut
        self.groups = groups
    }

    /// Reads an `<item/>`; nil when its JID is missing or invalid.
    public init?(_ item: XMLElement) {
        guard let text = item.attribute("jid"), let jid = try? JID(text) else { return nil }
        self.init(
            jid: jid, name: item.attribute("name"),
            subscription: item.attribute("subscription").flatMap(Subscription.init(rawValue:)) ?? .none,
            pendingOut: item.attribute("ask") == "subscribe",
            groups: item.elements.filter { $0.name == "group" }.map(\.text))
    }
}
