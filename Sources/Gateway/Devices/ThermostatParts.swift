/// The devices a thermostat is composed of: where it reads the temperature and which
/// parameters switch its outputs.
public struct ThermostatParts: Sendable {
    public var sensor: any GatewayDevice
    public var sensorField: String
    public var heat: (device: any GatewayDevice, parameter: String)?
    public var cool: (device: any GatewayDevice, parameter: String)?

    public init(
        sensor: any GatewayDevice, sensorField: String,
        heat: (device: any GatewayDevice, parameter: String)?, cool: (device: any GatewayDevice, parameter: String)?
    ) {
        self.sensor = sensor
        self.sensorField = sensorField
        self.heat = heat
        self.cool = cool
    }
}
