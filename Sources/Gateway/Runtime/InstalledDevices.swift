import Drivers
import Foundation
import Hardware
import Logging
import Simulators

/// The configured devices brought to life: a runtime per device over its bus (real, or
/// simulated for `simulate: true`), the thermostats composed from them, and the simulators
/// behind the simulated ones.
struct InstalledDevices {
    var runtimes: [(runtime: DeviceRuntime, driver: ReopeningDriver, interval: Duration?)] = []
    var thermostats: [ThermostatDevice] = []
    var simulated: [String: SimulatedDevice] = [:]

    var all: [any GatewayDevice] {
        runtimes.map(\.runtime) + thermostats
    }

    static func install(_ configuration: GatewayConfiguration, catalog: DeviceCatalog, logger: Logger) async throws(GatewayStartError)
        -> InstalledDevices
    {
        var installed = InstalledDevices()
        for device in configuration.devices {
            let model = device.effectiveModel(publishing: configuration.publishing.defaults)
            let (attachment, buses): (DeviceAttachment, any BusProvider)
            do {
                (attachment, buses) = try installed.attach(device, model: model, stateDirectory: configuration.stateDirectory)
            } catch {
                throw GatewayStartError("device \(device.id): cannot simulate \(model.id): \(error)")
            }
            let udevMatch = device.attachment.udevMatch
            let driver = ReopeningDriver(model: model) {
                var resolved = attachment
                if let udevMatch { resolved.port = try Self.resolve(udevMatch) }
                return try await DeviceDriverFactory.make(model: model, attachment: resolved, buses: buses)
            }
            let interval = device.interval ?? model.updateInterval
            let runtime = DeviceRuntime(id: device.id, model: model, driver: driver, silenceLimit: interval.map { $0 * 3 })
            installed.runtimes.append((runtime, driver, interval))
        }
        try await installed.composeThermostats(configuration, catalog: catalog, logger: logger)
        return installed
    }

    private let linuxBuses = LinuxBusProvider()
    private var simulatedBuses: SimulatedBusProvider?

    /// Where `device` sits and the buses to reach it there. A simulated device gets a
    /// simulator on a simulated bus, at its configured place or, where the configuration
    /// names none, at a place of its own.
    mutating func attach(_ device: DeviceConfiguration, model: DeviceModel, stateDirectory: String) throws
        -> (DeviceAttachment, any BusProvider)
    {
        var attachment = DeviceAttachment(port: device.attachment.port, address: device.attachment.address, line: device.attachment.line)
        guard device.isSimulated else { return (attachment, linuxBuses) }
        let buses = simulatedBuses ?? SimulatedBusProvider(sysfsDirectory: stateDirectory + "/simulated-sysfs")
        simulatedBuses = buses
        switch model.bus {
        case .serial, .modbus: attachment.port = attachment.port ?? "/dev/simulated-\(device.id)"
        case .i2c: attachment.port = attachment.port ?? "simulated"
        case .gpio: attachment.line = attachment.line ?? "simulated-\(device.id)"
        case .w1: attachment.port = attachment.port ?? Self.simulatedOneWireID(device.id)
        case .iio, .virtual: break
        }
        simulated[device.id] = try buses.install(model: model, at: attachment)
        return (attachment, buses)
    }

    /// A 1-Wire id derived from the device id, the same on every start.
    static func simulatedOneWireID(_ id: String) -> String {
        let serial = id.utf8.reduce(UInt32(0)) { ($0 &* 31 &+ UInt32($1)) & 0xFF_FFFF }
        return "28-00000" + String(repeating: "0", count: 6 - String(serial, radix: 16).count) + String(serial, radix: 16) + "0"
    }

    /// The simulated relay lines the thermostats switch their heating with.
    func heaterLines(_ configuration: GatewayConfiguration) -> [SimulatedGPIOLine] {
        configuration.thermostats.compactMap { thermostat in
            if case let .gpio(line)? = simulated[thermostat.heat.device] { return line }
            return nil
        }
    }

    /// The device node of the first device udev knows that matches (the adapter's current
    /// `/dev/ttyUSBn`, whatever it was renumbered to).
    static func resolve(_ match: UdevDeviceMatch) throws -> String {
        guard let node = try UdevDevice.all(match.deviceClass).first(where: match.matches)?.deviceNode else {
            throw GatewayStartError("no device matching \(match) is plugged in")
        }
        return node
    }

    private mutating func composeThermostats(_ configuration: GatewayConfiguration, catalog: DeviceCatalog, logger: Logger)
        async throws(GatewayStartError)
    {
        guard !configuration.thermostats.isEmpty else { return }
        guard let model = catalog.model(id: "thermostat") else { throw GatewayStartError("the catalog has no thermostat model") }
        for thermostat in configuration.thermostats {
            func device(_ id: String) throws(GatewayStartError) -> any GatewayDevice {
                guard let found = all.first(where: { $0.id == id }) else {
                    throw GatewayStartError("thermostat \(thermostat.id): no device \(id)")
                }
                return found
            }
            let parts = ThermostatParts(
                sensor: try device(thermostat.sensor.device), sensorField: thermostat.sensor.name,
                heat: (try device(thermostat.heat.device), thermostat.heat.name),
                cool: try thermostat.cool.map { reference throws(GatewayStartError) in (try device(reference.device), reference.name) })
            let stateFile = ThermostatStateFile(
                url: URL(fileURLWithPath: configuration.stateDirectory).appendingPathComponent("thermostat-\(thermostat.id).json"))
            do {
                thermostats.append(try await ThermostatDevice(
                    id: thermostat.id, model: model, settings: thermostat.settings, parts: parts, stateFile: stateFile, logger: logger))
            } catch {
                throw GatewayStartError("thermostat \(thermostat.id): \(error)")
            }
        }
    }
}
