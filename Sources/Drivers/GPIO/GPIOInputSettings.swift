import Hardware

/// A `gpio_input` model's driver settings, decoded.
struct GPIOInputSettings: Sendable, Hashable {
    var edges: GPIOEdgeDetection
    var debounce: Duration
    var activeLow: Bool
    var bias: GPIOBias
    var counting: Bool

    init(model: DeviceModel) {
        let settings = model.driverSettings
        edges = settings.string("edge").flatMap(GPIOEdgeDetection.init(rawValue:)) ?? .both
        debounce = settings.duration("debounce") ?? .milliseconds(20)
        activeLow = settings.bool("active_low") ?? false
        // The model file writes pull_up; the line request says pull-up.
        bias = settings.string("bias").flatMap { GPIOBias(rawValue: $0.split(separator: "_").joined(separator: "-")) } ?? .asIs
        counting = settings.bool("counting") ?? false
    }

    var lineConfiguration: GPIOInputConfiguration {
        GPIOInputConfiguration(activeLow: activeLow, bias: bias, edges: edges, debounce: debounce)
    }

    /// Whether an edge counts as an activation: rising (became active), or any reported edge
    /// when only falling edges are asked for.
    func counts(_ edge: GPIOEdge) -> Bool {
        edges == .falling || edge == .rising
    }
}
