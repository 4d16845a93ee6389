import Hardware

/// A `gpio_output` model's driver settings, decoded.
struct GPIOOutputSettings: Sendable, Hashable {
    var activeLow: Bool
    /// The state requested with the line and driven again on release.
    var safeState: Bool
    var minimumOnTime: Duration?
    var minimumOffTime: Duration?
    var maximumOnTime: Duration?

    init(model: DeviceModel) {
        let settings = model.driverSettings
        activeLow = settings.bool("active_low") ?? false
        safeState = settings.string("safe_state") == "on"
        minimumOnTime = settings.duration("minimum_on_time")
        minimumOffTime = settings.duration("minimum_off_time")
        maximumOnTime = settings.duration("maximum_on_time")
    }

    /// The request: the safe state is both the initial and the release value, so the line
    /// never shows another level at start or stop.
    var lineConfiguration: GPIOOutputConfiguration {
        GPIOOutputConfiguration(initialValue: safeState, safeValue: safeState, activeLow: activeLow)
    }

    /// How long the output must stay in `state` once switched to it.
    func minimumTime(in state: Bool) -> Duration? {
        state ? minimumOnTime : minimumOffTime
    }
}
