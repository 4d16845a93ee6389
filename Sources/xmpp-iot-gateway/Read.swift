import Drivers
import Gateway

struct Read {
    let options: ConfigurationOptions
    /// The device's id in the configuration.
    let device: String

    func run() async throws {
        let (configuration, _) = try options.load()
        guard let entry = configuration.devices.first(where: { $0.id == device }) else {
            throw CommandFailure("no device \(device) in \(options.config); devices: "
                + configuration.devices.map(\.id).joined(separator: ", "))
        }
        do {
            for line in try await DeviceReading.once(
                entry, publishing: configuration.publishing.defaults, stateDirectory: configuration.stateDirectory,
                notice: { JournalLogHandler.writeToStandardError("note: \($0)") }
            ) {
                print(line)
            }
        } catch {
            throw CommandFailure("\(device): \(error)")
        }
    }
}
