import Drivers
import Hardware
import Logging
import Simulators
import Synchronization

/// Brings configured devices to life, one at a time: a runtime over the device's bus — the
/// real one, or a simulator on a simulated bus for `simulate: true` — and thermostats
/// composed from running devices.
final class DeviceInstaller: Sendable {
    private let stateDirectory: String
    private let linuxBuses: LinuxBusProvider
    private let simulatedBuses = Mutex<SimulatedBusProvider?>(nil)

    /// `notice` is told what the buses report that a person should know, such as a serial
    /// port found without udevd.
    init(stateDirectory: String, notice: @escaping @Sendable (String) -> Void) {
        self.stateDirectory = stateDirectory
        linuxBuses = LinuxBusProvider(notice: notice)
    }

    /// One device on its bus, not yet running.
    struct Installed: Sendable {
        var runtime: DeviceRuntime
        var driver: ReopeningDriver
        var interval: Duration?
        var simulator: SimulatedDevice?
    }

    func install(_ device: DeviceConfiguration, publishing: PublishPolicy) throws(GatewayStartError) -> Installed {
        let model = device.effectiveModel(publishing: publishing)
        let (attachment, buses, simulator): (DeviceAttachment, any BusProvider, SimulatedDevice?)
        do {
            (attachment, buses, simulator) = try attach(device, model: model)
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
        return Installed(runtime: runtime, driver: driver, interval: interval, simulator: simulator)
    }

    /// A thermostat over running devices; `device` finds them by id.
    func thermostat(
        _ thermostat: ThermostatConfiguration, model: DeviceModel, logger: Logger,
        device: @Sendable (String) -> (any GatewayDevice)?
    ) async throws(GatewayStartError) -> ThermostatDevice {
        func part(_ id: String) throws(GatewayStartError) -> any GatewayDevice {
            guard let found = device(id) else { throw GatewayStartError("thermostat \(thermostat.id): no device \(id)") }
            return found
        }
        let parts = ThermostatParts(
            sensor: try part(thermostat.sensor.device), sensorField: thermostat.sensor.name,
            heat: (try part(thermostat.heat.device), thermostat.heat.name),
            cool: try thermostat.cool.map { reference throws(GatewayStartError) in (try part(reference.device), reference.name) })
        let stateFile = ThermostatStateFile(path: "\(stateDirectory)/thermostat-\(thermostat.id).json")
        do {
            return try await ThermostatDevice(
                id: thermostat.id, model: model, settings: thermostat.settings, parts: parts, stateFile: stateFile, logger: logger)
        } catch {
            throw GatewayStartError("thermostat \(thermostat.id): \(error)")
        }
    }

    /// Where `device` sits and the buses to reach it there. A simulated device gets a
    /// simulator on a simulated bus, at its configured place or, where the configuration
    /// names none, at a place of its own.
    func attach(_ device: DeviceConfiguration, model: DeviceModel) throws
        -> (DeviceAttachment, any BusProvider, SimulatedDevice?)
    {
        var attachment = DeviceAttachment(port: device.attachment.port, address: device.attachment.address, line: device.attachment.line)
        guard device.isSimulated else { return (attachment, linuxBuses, nil) }
        let buses = simulatedBuses.withLock { buses in
            if let buses { return buses }
            let created = SimulatedBusProvider(sysfsDirectory: stateDirectory + "/simulated-sysfs")
            buses = created
            return created
        }
        switch model.bus {
        case .serial, .modbus: attachment.port = attachment.port ?? "/dev/simulated-\(device.id)"
        case .i2c: attachment.port = attachment.port ?? "simulated"
        case .gpio: attachment.line = attachment.line ?? "simulated-\(device.id)"
        case .w1: attachment.port = attachment.port ?? Self.simulatedOneWireID(device.id)
        case .iio, .virtual: break
        }
        return (attachment, buses, try buses.install(model: model, at: attachment))
    }

    /// A 1-Wire id derived from the device id, the same on every start.
    static func simulatedOneWireID(_ id: String) -> String {
        let serial = String(id.utf8.reduce(UInt32(0)) { ($0 &* 31 &+ UInt32($1)) & 0xFF_FFFF }, radix: 16)
        return "28-00000" + String(repeating: "0", count: 6 - serial.count) + serial + "0"
    }

    /// The device node of the first device udev knows that matches (the adapter's current
    /// `/dev/ttyUSBn`, whatever it was renumbered to).
    static func resolve(_ match: UdevDeviceMatch) throws -> String {
        guard let node = try UdevDevice.all(match.deviceClass).first(where: match.matches)?.deviceNode else {
            throw GatewayStartError("no device matching \(match) is plugged in")
        }
        return node
    }
}
