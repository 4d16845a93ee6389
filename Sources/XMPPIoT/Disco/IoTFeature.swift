/// The protocols a gateway session can offer, each with the disco features it advertises.
/// disco#info and the caps hash are computed from the set a session offers, so adding a
/// protocol cannot leave them stale.
public enum IoTFeature: String, Sendable, Hashable, CaseIterable {
    case serviceDiscovery
    case entityCapabilities
    case sensorData
    case control
    case adHocCommands
    case dataForms
    case ping
    case softwareVersion
    case entityTime

    public var discoFeatures: [String] {
        switch self {
        case .serviceDiscovery: [IoTNamespace.discoInfo, IoTNamespace.discoItems]
        case .entityCapabilities: [IoTNamespace.caps]
        case .sensorData: [IoTNamespace.sensorData]
        case .control: [IoTNamespace.control]
        case .adHocCommands: [IoTNamespace.commands]
        case .dataForms: [IoTNamespace.dataForms]
        case .ping: [IoTNamespace.ping]
        case .softwareVersion: [IoTNamespace.version]
        case .entityTime: [IoTNamespace.time]
        }
    }

    /// What a device session offers; sensor-only devices leave out control. Never a
    /// `+notify` feature: a device would then receive every sibling's readings.
    public static func device(controllable: Bool) -> [IoTFeature] {
        allCases.filter { controllable || $0 != .control }
    }
}
