import Dispatch
import Drivers
import Foundation
import Gateway
import Logging

/// The gateway as a process: logging set up from the configuration, systemd told when it is
/// ready and kept fed with watchdog pings, SIGTERM and SIGINT turned into a clean stop.
struct GatewayProcess {
    let configuration: GatewayConfiguration
    let catalog: DeviceCatalog
    let configurationFile: URL
    let catalogDirectory: URL

    func run() async throws {
        let redaction = LogRedaction()
        if let password = try? configuration.account.password.password() { redaction.register(password) }
        GatewayLogging.bootstrap(levels: LogLevels(configuration.logging), redaction: redaction)
        let logger = Logger(label: "gateway")
        let notifier = SystemdNotifier()
        let runtime = GatewayRuntime(configuration: configuration, catalog: catalog, logger: logger)
        let devices = configuration.devices.count + configuration.thermostats.count
        let gateway = Task {
            try await runtime.run {
                try? notifier.ready(status: "\(devices) devices on \(configuration.account.jid)")
            }
        }
        let configurationFile = configurationFile
        let catalogDirectory = catalogDirectory
        let signals = SignalWatch(signals: [SIGTERM, SIGINT, SIGHUP]) { signal in
            guard signal != SIGHUP else {
                // Applying a changed configuration to running devices is not supported yet:
                // check it, so that a restart will not fail, and say what to do.
                let errors = ConfigurationCheck.errors(configurationFile: configurationFile, catalogDirectory: catalogDirectory)
                if errors.isEmpty {
                    logger.notice("reload: \(configurationFile.path) is valid; restart the service to apply it")
                } else {
                    let list = errors.map(\.description).joined(separator: "; ")
                    logger.error("reload: \(configurationFile.path) has errors, the running configuration stays: \(list)")
                }
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
