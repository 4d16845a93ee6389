import Gateway

struct Run {
    let options: ConfigurationOptions

    func run() async throws {
        let (configuration, catalog) = try options.load()
        let options = options
        try await GatewayProcess(configuration: configuration, catalog: catalog) { try options.load().0 }.run()
    }
}

struct Demo {
    let options: ConfigurationOptions

    func run() async throws {
        let (configuration, catalog) = try options.load(forceSimulation: true)
        let options = options
        try await GatewayProcess(configuration: configuration, catalog: catalog) { try options.load(forceSimulation: true).0 }.run()
    }
}
