import Drivers
import Logging
import Simulators
import XMPPClient

/// The devices and thermostats running right now, each as one task (its driver, its
/// runtime, its session), and how a changed configuration is applied: only the devices it
/// adds, removes or changes are stopped and started — every other session stays up.
actor RunningGateway {
    private struct Unit {
        var device: any GatewayDevice
        /// Nil for a thermostat, which has no hardware of its own.
        var driver: ReopeningDriver?
        var task: Task<Void, Never>
    }

    private var configuration: GatewayConfiguration
    private let catalog: DeviceCatalog
    private let installer: DeviceInstaller
    private let directory: DeviceDirectory
    private let services: GatewayServices
    private let commands: AdHocCommands
    private let publisher: ReadingPublisher
    private let hub: HubEndpoint
    private let makeSession: @Sendable (String) -> XMPPSession
    private let logger: Logger
    private var units: [String: Unit] = [:]
    private var simulators: [String: SimulatedDevice] = [:]
    private var surroundings: Task<Void, Never>?

    init(
        configuration: GatewayConfiguration, catalog: DeviceCatalog, directory: DeviceDirectory, services: GatewayServices,
        commands: AdHocCommands, publisher: ReadingPublisher, hub: HubEndpoint,
        makeSession: @escaping @Sendable (String) -> XMPPSession, logger: Logger
    ) {
        self.configuration = configuration
        self.catalog = catalog
        installer = DeviceInstaller(stateDirectory: configuration.stateDirectory) { logger.notice("\($0)") }
        self.directory = directory
        self.services = services
        self.commands = commands
        self.publisher = publisher
        self.hub = hub
        self.makeSession = makeSession
        self.logger = logger
    }

    /// Starts every configured device, then every thermostat.
    func startAll() async throws(GatewayStartError) {
        for device in configuration.devices { try start(device) }
        for thermostat in configuration.thermostats { try await start(thermostat) }
        restartSurroundings()
    }

    /// Applies `new`: access and logging at once, devices and thermostats by difference.
    /// A change of account or publishing needs a restart, and says so.
    func apply(_ new: GatewayConfiguration) async {
        let changes = ConfigurationChanges(from: configuration, to: new)
        if changes.accountChanged || changes.publishingChanged {
            logger.warning("reload: the account or publishing changed; restart the service to apply that")
        }
        if changes.accessChanged {
            let access = AccessPolicy(new.access)
            services.replaceAccess(
                access, controlLimiter: ControlRateLimiter(limit: new.access.controlRateLimit, clock: ContinuousClock()))
            await publisher.admit(access.everyoneWithARole)
        }
        // Thermostats over a device that goes away or changes are rebuilt over the new one.
        let touched = Set(changes.removedDevices + changes.changedDevices)
        let dependent = new.thermostats
            .filter { touched.contains($0.sensor.device) || touched.contains($0.heat.device) || $0.cool.map { touched.contains($0.device) } == true }
            .map(\.id)
        let stopping = Set(changes.removedThermostats + changes.changedThermostats + dependent)
            .union(changes.removedDevices + changes.changedDevices)
        for id in stopping.sorted() { await stop(id) }
        configuration = new
        do {
            for device in new.devices where units[device.id] == nil { try start(device) }
            for thermostat in new.thermostats where units[thermostat.id] == nil { try await start(thermostat) }
        } catch {
            logger.error("reload: \(error)")
        }
        restartSurroundings()
        let added = changes.addedDevices.count + changes.addedThermostats.count
        let removed = changes.removedDevices.count + changes.removedThermostats.count
        let restarted = changes.changedDevices.count + changes.changedThermostats.count + dependent.count
        logger.info("reload: \(added) added, \(removed) removed, \(restarted) restarted")
    }

    /// Stops everything: sessions say goodbye, outputs go to their safe state.
    /// A serial port, GPIO chip or I2C bus was plugged in: every device that is not open
    /// tries again now.
    func deviceAdded() {
        for unit in units.values { unit.driver?.deviceAdded() }
    }

    func stopAll() async {
        surroundings?.cancel()
        for id in units.keys.sorted() { await stop(id) }
    }

    private func start(_ device: DeviceConfiguration) throws(GatewayStartError) {
        let installed = try installer.install(device, publishing: configuration.publishing.defaults)
        if let simulator = installed.simulator { simulators[device.id] = simulator }
        let endpoint = endpoint(for: installed.runtime)
        let task = Task {
            await withTaskGroup(of: Void.self) { tasks in
                tasks.addTask { await installed.driver.keepOpen() }
                tasks.addTask { await installed.runtime.run(every: installed.interval) }
                tasks.addTask { await endpoint.run() }
            }
        }
        units[device.id] = Unit(device: installed.runtime, driver: installed.driver, task: task)
    }

    private func start(_ thermostat: ThermostatConfiguration) async throws(GatewayStartError) {
        guard let model = catalog.model(id: "thermostat") else { throw GatewayStartError("the catalog has no thermostat model") }
        let running = units.mapValues(\.device)
        let device = try await installer.thermostat(thermostat, model: model, logger: logger) { running[$0] }
        let endpoint = endpoint(for: device)
        let task = Task {
            await withTaskGroup(of: Void.self) { tasks in
                tasks.addTask { await device.run() }
                tasks.addTask { await endpoint.run() }
            }
        }
        units[thermostat.id] = Unit(device: device, driver: nil, task: task)
    }

    private func endpoint(for device: any GatewayDevice) -> DeviceEndpoint {
        let hub = hub
        let endpoint = DeviceEndpoint(
            device: device, session: makeSession(device.id), directory: directory, services: services, commands: commands,
            publisher: publisher, healthChanged: { id, health in Task { await hub.healthChanged(id, health) } })
        directory.set(device, requests: endpoint.requests)
        return endpoint
    }

    private func stop(_ id: String) async {
        guard let unit = units.removeValue(forKey: id) else { return }
        directory.remove(id: id)
        simulators[id] = nil
        unit.task.cancel()
        await unit.task.value
    }

    /// The simulated room around simulated devices: a heater relay warms the sensors.
    private func restartSurroundings() {
        surroundings?.cancel()
        guard !simulators.isEmpty else { return }
        let simulated = simulators
        let heaters = configuration.thermostats.compactMap { thermostat -> SimulatedGPIOLine? in
            if case let .gpio(line)? = simulated[thermostat.heat.device] { return line }
            return nil
        }
        let faults = SimulatorFaultFile(path: configuration.stateDirectory + "/simulator-faults")
        surroundings = Task { await SimulatedSurroundings().run(simulated, heaters: heaters, faults: faults) }
    }
}
