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
        let devices = configuration.devices.count.counted("device")
        print("\(options.config): OK — \(devices), \(configuration.thermostats.count.counted("thermostat"))")
    }
}
