import Drivers

/// How many control requests (XEP-0325 sets, chat `set`, ad-hoc submissions) one bare JID may
/// make: `burst` at once, then one more per `interval` — so a misbehaving client cannot toggle
/// a relay hundreds of times a second, while a person clicking a few times is never refused.
public struct ControlRateLimit: Sendable, Hashable {
    public var burst: Int
    public var interval: Duration

    public static let defaultBurst = 5
    public static let defaultInterval = Duration.seconds(1)

    public init(burst: Int = defaultBurst, interval: Duration = defaultInterval) {
        self.burst = burst
        self.interval = interval
    }

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration(
            "burst", .int, default: .int(defaultBurst), range: 1...1000, doc: "Requests allowed at once."
        ),
        SettingDeclaration(
            "interval", .duration, default: .duration(defaultInterval), range: 0.001...86_400,
            doc: "One more request is allowed after each interval."
        ),
    ]

    init(record: SettingsRecord?) {
        self.init(
            burst: record?.int("burst") ?? Self.defaultBurst,
            interval: record?.duration("interval") ?? Self.defaultInterval
        )
    }
}
