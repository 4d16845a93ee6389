import Gateway

struct CheckConfig {
    let options: ConfigurationOptions

    func run() throws {
        let errors = ConfigurationCheck.errors(configurationFile: options.config, catalogDirectory: options.catalogDirectory)
        guard errors.isEmpty else {
            for error in errors { print(error) }
            throw ProblemsReported()
        }
        let (configuration, _) = try options.load()
        print("\(options.config): OK — \(configuration.devices.count) devices, \(configuration.thermostats.count) thermostats")
    }
}
