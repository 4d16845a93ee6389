import FoundationEssentials
import XMPPClient

/// The XEP-0203 `<delay stamp>` a server adds to stored messages. A control message
/// replayed from offline storage must not act hours later, so the gateway checks
/// ``isOlder(than:now:)`` before applying one.
public struct DelayStamp: Sendable, Hashable {
    public var stamp: Date
    public var from: String?

    public init(stamp: Date, from: String? = nil) {
        self.stamp = stamp
        self.from = from
    }

    /// The message's delay stamp; nil when it has none. A `<delay>` whose stamp cannot be
    /// read counts as infinitely old: whatever it delays is not current.
    public init?(message: Message) {
        guard let delay = message.payload("delay", namespace: IoTNamespace.delay) else { return nil }
        let stamp = delay.attribute("stamp").flatMap(XSDateTime.init(lexical:))?.date ?? .distantPast
        self.init(stamp: stamp, from: delay.attribute("from"))
    }

    public func isOlder(than maximumAge: Duration, now: Date) -> Bool {
        let age = now.timeIntervalSince(stamp)
        let limit = Double(maximumAge.components.seconds) + Double(maximumAge.components.attoseconds) / 1e18
        return age > limit
    }
}
