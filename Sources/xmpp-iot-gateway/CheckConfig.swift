import ArgumentParser
import Gateway

struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check the configuration and the catalog without touching hardware or the network.",
        discussion: "Every problem is reported at once, with file, line and key; the exit status is 1 if there is any."
    )

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let errors = ConfigurationCheck.errors(configurationFile: options.config, catalogDirectory: options.catalogDirectory)
        guard errors.isEmpty else {
            for error in errors { print(error) }
            throw ExitCode.failure
        }
        let (configuration, _) = try options.load()
        print("\(options.config): OK — \(configuration.devices.count) devices, \(configuration.thermostats.count) thermostats")
    }
}
