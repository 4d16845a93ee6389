import Drivers

/// When a field's new value is published (PEP/PubSub and XEP-0323 events): only after it
/// changed by `changeThreshold`, at most once per `throttle`, and at least once per
/// `heartbeat` even when unchanged. `publishing.defaults` gives one for every field; a
/// device's `fields.<name>.publish` overrides it key by key.
public struct PublishPolicy: Sendable, Hashable {
    /// Smallest absolute change worth publishing; `nil` or 0: every change.
    public var changeThreshold: Double?
    /// Minimum time between two publications of the field.
    public var throttle: Duration?
    /// Publish the last value again after this long without publishing.
    public var heartbeat: Duration?

    public init(changeThreshold: Double? = nil, throttle: Duration? = nil, heartbeat: Duration? = nil) {
        self.changeThreshold = changeThreshold
        self.throttle = throttle
        self.heartbeat = heartbeat
    }

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration(
            "change_threshold", .double, range: 0...1e12,
            doc: "Publish a numeric value only when it changed by at least this much."
        ),
        SettingDeclaration("throttle", .duration, range: 0.001...86_400, doc: "Publish a field at most once per this interval."),
        SettingDeclaration(
            "heartbeat", .duration, range: 1...604_800, doc: "Publish the last value again after this long without publishing."
        ),
    ]

    /// The policy a decoded `publish` record writes; keys it leaves out stay `nil`.
    init(record: SettingsRecord?) {
        self.init(
            changeThreshold: record?.double("change_threshold"),
            throttle: record?.duration("throttle"),
            heartbeat: record?.duration("heartbeat")
        )
    }

    /// This policy with every key `override` sets replaced.
    public func overridden(by override: PublishPolicy) -> PublishPolicy {
        PublishPolicy(
            changeThreshold: override.changeThreshold ?? changeThreshold,
            throttle: override.throttle ?? throttle,
            heartbeat: override.heartbeat ?? heartbeat
        )
    }
}
