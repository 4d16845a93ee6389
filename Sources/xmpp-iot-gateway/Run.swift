import Gateway

/// `run`, and `demo`, which is `run` with every device simulated.
struct Run {
    let options: ConfigurationOptions
    let simulated: Bool

    func run() async throws {
        let (configuration, catalog) = try options.load(forceSimulation: simulated)
        let (options, simulated) = (options, simulated)
        try await GatewayProcess(configuration: configuration, catalog: catalog) {
            try options.load(forceSimulation: simulated).0
        }.run()
    }
}
