import Drivers
import FoundationEssentials
import Hardware
import Logging
import NIOCore
import NIOPosix
import Simulators
import XMPPClient

/// The running gateway: every configured device on its bus with its own XMPP session, the
/// thermostats, the hub session, the history and the publisher — all on one event loop —
/// until the task running it is cancelled (SIGTERM), when sessions say goodbye and outputs
/// go to their safe state.
public struct GatewayRuntime: Sendable {
    public let configuration: GatewayConfiguration
    public let catalog: DeviceCatalog
    public let logger: Logger
    /// The resource of the session that receives what is sent to the bare JID.
    public static let hubResource = "hub"

    public init(configuration: GatewayConfiguration, catalog: DeviceCatalog, logger: Logger) {
        self.configuration = configuration
        self.catalog = catalog
        self.logger = logger
    }

    /// Runs until cancelled. `started` is called once every device is set up and every
    /// session started (not necessarily online: the network may be down, readings are kept).
    /// Each configuration from `reloads` is applied while running (SIGHUP).
    public func run(
        reloads: AsyncStream<GatewayConfiguration> = AsyncStream { $0.finish() }, started: @Sendable () -> Void = {}
    ) async throws(GatewayStartError) {
        let account = configuration.account
        let password: String
        let tls: TLSContext
        do {
            password = try account.password.password()
            tls = try account.makeTLSContext()
        } catch {
            throw GatewayStartError("\(error)")
        }
        do {
            try FileAccess.createDirectory(configuration.stateDirectory)
        } catch {
            throw GatewayStartError("cannot create state directory \(configuration.stateDirectory): \(error.reason)")
        }
        let history: HistoryStore
        do {
            history = try HistoryStore(path: configuration.history.databasePath, retention: HistoryRetentionPolicy(
                standard: HistoryRetention(maximumAge: configuration.history.maximumAge,
                                           maximumRows: configuration.history.maximumRowsPerDevice)))
        } catch {
            throw GatewayStartError("history \(configuration.history.databasePath): \(error)")
        }
        // Every session on one loop of the process-wide group the serial ports use too: a
        // group of its own would cost a thread and its task queue for nothing.
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let keyCache = SCRAMKeyCache()
        let reconnectSignal = ReconnectSignal()
        let makeSession: @Sendable (String) -> XMPPSession = { resource in
            var client = account.clientConfiguration(resource: resource, password: password, tls: tls)
            client.keyCache = keyCache
            client.reconnectSignal = reconnectSignal
            return XMPPSession(configuration: client, eventLoop: eventLoop)
        }
        let directory = DeviceDirectory()
        let services = GatewayServices(
            access: AccessPolicy(configuration.access),
            controlLimiter: ControlRateLimiter(limit: configuration.access.controlRateLimit, clock: ContinuousClock()),
            history: history, logger: logger)
        let commands = AdHocCommands(directory: directory, services: services)
        let hubSession = makeSession(Self.hubResource)
        let publisher = ReadingPublisher(
            session: hubSession, directory: directory, deviceCount: configuration.devices.count + configuration.thermostats.count,
            node: configuration.publishing.nodePrefix,
            service: configuration.publishing.mode == .pubsub ? configuration.publishing.service : nil,
            members: AccessPolicy(configuration.access).everyoneWithARole, history: history, logger: logger)
        let hub = HubEndpoint(session: hubSession, directory: directory, services: services, commands: commands, publisher: publisher)
        let gateway = RunningGateway(
            configuration: configuration, catalog: catalog, directory: directory, services: services, commands: commands,
            publisher: publisher, hub: hub, makeSession: makeSession, logger: logger)
        do {
            try await gateway.startAll()
        } catch {
            await gateway.stopAll()
            throw error
        }
        logger.info("gateway \(account.jid): \(directory.devices.count.counted("device")), hub \(account.jid)/\(Self.hubResource)")

        // Outside the group, where the first task to end stops the gateway: this one ends
        // early where there are no udev events.
        let hotPlug = Task { await HotPlugMonitor.run(logger: logger) { await gateway.deviceAdded() } }
        defer { hotPlug.cancel() }
        await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await hub.run() }
            tasks.addTask { await Self.pruneDaily(history, logger: logger) }
            tasks.addTask {
                for await new in reloads { await gateway.apply(new) }
            }
            started()
            await withTaskCancellationHandler {
                await tasks.next()
            } onCancel: {
                logger.info("stopping: sessions say goodbye, outputs go to their safe state")
            }
            await gateway.stopAll()
            tasks.cancelAll()
        }
        // Sessions said goodbye on the loop; let those writes go out before the process ends.
        try? await eventLoop.submit {}.get()
    }

    private static func pruneDaily(_ history: HistoryStore, logger: Logger) async {
        while !Task.isCancelled {
            do {
                let removed = try await history.prune(now: Date())
                if removed > 0 { logger.info("history: pruned \(removed) readings") }
            } catch {
                logger.error("history: \(error)")
            }
            try? await Task.sleep(for: .seconds(86_400))
        }
    }
}
