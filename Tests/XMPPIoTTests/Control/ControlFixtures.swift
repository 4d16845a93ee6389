@testable import XMPPIoT

/// The thermostat parameters the control tests validate against.
enum ControlFixtures {
    static let setpoint = ControlParameter(name: "Setpoint", type: .double, label: "Target temperature", unit: "°C",
                                           minimum: 5, maximum: 30, decimals: 1, currentValue: .double(21.5))
    static let mode = ControlParameter(name: "Mode", type: .string, choices: ["off", "heat", "cool", "auto"],
                                       currentValue: .string("heat"))
    static let heating = ControlParameter(name: "Heating", type: .boolean, currentValue: .boolean(true))
    static let temperature = ControlParameter(name: "Temperature", type: .double, unit: "°C", writable: false)
    static let minimumOnTime = ControlParameter(name: "MinOnTime", type: .int, unit: "s", minimum: 60, maximum: 3600,
                                                currentValue: .int(300))
    static let thermostat = [setpoint, mode, heating, temperature, minimumOnTime]
}
