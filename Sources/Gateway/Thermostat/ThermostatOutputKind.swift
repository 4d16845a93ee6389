/// Which of a thermostat's outputs a hold or a limit is about.
public enum ThermostatOutputKind: String, Sendable, Hashable, CaseIterable {
    case heat
    case cool

    /// "heating" or "cooling", as in "a heating output".
    var noun: String {
        switch self {
        case .heat: "heating"
        case .cool: "cooling"
        }
    }
}
