import Drivers
import Gateway
import Hardware

extension ConfigurationOptions {
    /// The catalog given on the command line, else the installed one, else ./Devices.
    var catalogDirectory: String {
        if let catalog { return catalog }
        let installed = "/usr/local/share/xmpp-iot-gateway/Devices"
        return FileAccess.isDirectory(installed) ? installed : "Devices"
    }

    /// The configuration, or every problem with it as one error.
    func load(forceSimulation: Bool = false) throws -> (GatewayConfiguration, DeviceCatalog) {
        let catalog: DeviceCatalog
        do {
            catalog = try DeviceCatalog.load(directory: catalogDirectory)
        } catch {
            throw CommandFailure("\(error)")
        }
        do {
            var configuration = try GatewayConfiguration.load(contentsOf: config, catalog: catalog)
            if forceSimulation {
                for index in configuration.devices.indices { configuration.devices[index].isSimulated = true }
            }
            return (configuration, catalog)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

/// A failure printed as is, with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Exit status 1 with nothing more to print: the command has printed the problems itself.
struct ProblemsReported: Error {}
