import FoundationEssentials
import Simulators

/// The physical world of a simulated installation, so the demo behaves like a room: a
/// simulated temperature sensor warms while a simulated relay (the heater) is on and cools
/// toward the ambient temperature while it is off; CO₂ drifts; nothing else changes unless
/// someone touches it.
struct SimulatedSurroundings: Sendable {
    var ambient = 17.0
    /// °C per minute while heating, and the fraction of the gap to ambient lost per minute.
    var heatingRate = 0.6
    var coolingFactor = 0.05

    /// One step of `elapsed` for every simulator: any active relay among `heaters` heats
    /// every temperature sensor.
    func step(_ devices: [SimulatedDevice], heaters: [SimulatedGPIOLine], elapsed: Duration) {
        let minutes = Double(elapsed.components.seconds) / 60 + Double(elapsed.components.attoseconds) / 6e19
        let heating = heaters.contains { $0.isRequested && $0.isActive }
        for device in devices {
            switch device {
            case let .bme280(sensor):
                var temperature = sensor.temperature
                temperature += heating ? heatingRate * minutes : -(temperature - ambient) * coolingFactor * minutes
                sensor.temperature = (temperature * 1000).rounded() / 1000
            case let .mhz19(sensor):
                sensor.co2 = max(400, min(2000, sensor.co2 + Int.random(in: -5...6)))
            default:
                break
            }
        }
    }

    /// Steps the world every second until cancelled, with the faults `faults` sets.
    func run(_ devices: [String: SimulatedDevice], heaters: [SimulatedGPIOLine], faults: SimulatorFaultFile) async {
        let clock = ContinuousClock()
        var last = clock.now
        while !Task.isCancelled {
            try? await clock.sleep(for: .seconds(1))
            let now = clock.now
            faults.apply(to: devices)
            step(Array(devices.values), heaters: heaters, elapsed: now - last)
            last = now
        }
    }
}
