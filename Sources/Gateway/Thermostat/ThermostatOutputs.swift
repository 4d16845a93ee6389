/// The state of a thermostat's two outputs: the heating and the cooling relay. A thermostat
/// without a cooling output simply never sets `cool`.
public struct ThermostatOutputs: Sendable, Hashable {
    public var heat: Bool
    public var cool: Bool

    public init(heat: Bool = false, cool: Bool = false) {
        self.heat = heat
        self.cool = cool
    }

    public static let off = ThermostatOutputs()

    /// The outputs that are on.
    var kinds: [ThermostatOutputKind] {
        (heat ? [.heat] : []) + (cool ? [.cool] : [])
    }
}
