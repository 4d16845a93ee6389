/// One relay a thermostat drives, with the cycle limits that protect what it switches: once
/// on it stays on for the minimum on time, once off it stays off for the minimum off time, and
/// after the maximum run time it is switched off and rests.
///
/// The limits hold whoever asks — the control loop, a mode change, the sensor failsafe — since
/// a compressor or burner is damaged by short cycles whatever their cause. Its clock starts at
/// the state the relay was found in, so a restart counts the minimum times from the start.
struct CycleLimitedOutput<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    private(set) var isOn: Bool
    /// When the relay took its present state.
    private(set) var since: Instant
    /// Whether the present off state was forced by the maximum run time.
    private(set) var isResting = false

    init(isOn: Bool, since: Instant) {
        self.isOn = isOn
        self.since = since
    }

    /// Switches towards `on` as far as the limits allow at `now`; returns the hold that kept
    /// the relay from following, if any.
    mutating func request(_ on: Bool, at now: Instant, settings: ThermostatSettings) -> OutputHold<Instant>? {
        if isOn {
            if on, let limit = settings.maximumRunTime, now >= since.advanced(by: limit) {
                switchTo(false, at: now, resting: true)
                return .rest(until: now.advanced(by: settings.minimumOffTime))
            }
            guard !on else { return nil }
            let earliest = since.advanced(by: settings.minimumOnTime)
            guard now >= earliest else { return .minimumOnTime(until: earliest) }
            switchTo(false, at: now, resting: false)
            return nil
        }
        guard on else { return nil }
        let earliest = since.advanced(by: settings.minimumOffTime)
        guard now >= earliest else {
            return isResting ? .rest(until: earliest) : .minimumOffTime(until: earliest)
        }
        switchTo(true, at: now, resting: false)
        return nil
    }

    /// When the maximum run time will switch the relay off, while it is on.
    func runLimit(settings: ThermostatSettings) -> Instant? {
        guard isOn, let limit = settings.maximumRunTime else { return nil }
        return since.advanced(by: limit)
    }

    private mutating func switchTo(_ on: Bool, at now: Instant, resting: Bool) {
        isOn = on
        since = now
        isResting = resting
    }
}
