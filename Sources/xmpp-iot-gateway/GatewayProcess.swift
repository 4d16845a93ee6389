import Dispatch
import Drivers
import Gateway
import Glibc
import Logging

/// The gateway as a process: logging set up from the configuration, systemd told when it is
/// ready and kept fed with watchdog pings, SIGTERM and SIGINT turned into a clean stop,
/// SIGHUP into a reload of the configuration.
struct GatewayProcess {
    let configuration: GatewayConfiguration
    let catalog: DeviceCatalog
    /// Reads the configuration again; throws a `CommandFailure` listing every problem.
    let reload: @Sendable () throws -> GatewayConfiguration

    func run() async throws {
        let redaction = LogRedaction()
        if let password = try? configuration.account.password.password() { redaction.register(password) }
        let levels = LogLevels(configuration.logging)
        GatewayLogging.bootstrap(levels: levels, redaction: redaction)
        let logger = Logger(label: "gateway")
        let notifier = SystemdNotifier()
        let runtime = GatewayRuntime(configuration: configuration, catalog: catalog, logger: logger)
        let devices = configuration.devices.count + configuration.thermostats.count
        let (reloads, reloaded) = AsyncStream<GatewayConfiguration>.makeStream()
        let gateway = Task {
            try await runtime.run(reloads: reloads) {
                try? notifier.ready(status: "\(devices) devices on \(configuration.account.jid)")
            }
        }
        let reload = reload
        let signals = SignalWatch(signals: [SIGTERM, SIGINT, SIGHUP]) { signal in
            guard signal != SIGHUP else {
                try? notifier.reloading()
                do {
                    let new = try reload()
                    levels.update(new.logging)
                    reloaded.yield(new)
                    logger.notice("reload: applying the configuration")
                } catch {
                    logger.error("reload: the running configuration stays: \(error)")
                }
                try? notifier.ready()
                return
            }
            logger.info("signal \(signal): stopping")
            try? notifier.stopping()
            gateway.cancel()
        }
        let watchdog = Task { await notifier.keepWatchdogAlive() }
        defer {
            watchdog.cancel()
            signals.cancel()
        }
        do {
            try await gateway.value
        } catch let error as GatewayStartError {
            logger.critical("\(error)")
            throw CommandFailure(error.description)
        }
    }
}
