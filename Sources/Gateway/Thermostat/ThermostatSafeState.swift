/// What the outputs do while the temperature input is stale or has failed.
public enum ThermostatSafeState: String, Sendable, Hashable, CaseIterable {
    /// Both outputs off: the default, since a heater or compressor left running on a dead
    /// sensor is how thermostats overheat rooms.
    case off
    /// Heating on (frost protection for a room that must never freeze), still bounded by the
    /// maximum run time.
    case heat
    /// Cooling on (a server cupboard), still bounded by the maximum run time.
    case cool

    var outputs: ThermostatOutputs {
        switch self {
        case .off: .off
        case .heat: ThermostatOutputs(heat: true)
        case .cool: ThermostatOutputs(cool: true)
        }
    }
}
