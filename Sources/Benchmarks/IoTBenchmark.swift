import Foundation

/// Suite `iot`: the gateway as subscribers and XEP-0323 clients see it — 20 simulated
/// devices in one gateway process, Prosody on loopback, a slixmpp device beside it. Runs
/// against what `scripts/lib/bench-iot` started (`scripts/bench iot`).
enum IoTBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let latencySamples = BenchmarkSetting.count("IOT_BENCH_SAMPLES", default: 1000)
    static let readoutsPerRound = BenchmarkSetting.count("IOT_BENCH_READOUTS", default: 1000)
    static let rounds = BenchmarkSetting.count("IOT_BENCH_ROUNDS", default: 5)
    /// Requests in flight, comma-separated: each device is measured at every depth.
    static let readoutDepths = BenchmarkSetting.counts("IOT_BENCH_IN_FLIGHT", default: [8, 16, 32, 64])
    /// Ends a run that hangs (a lost answer) instead of waiting forever.
    static let watchdog = Duration.seconds(600)

    static func run() {
        // Read now, so that a bad setting stops the run before anything is measured.
        _ = (latencySamples, readoutsPerRound, rounds, readoutDepths)
        guard let path = environment["IOT_BENCH_ENV"] else {
            print("iot: needs the gateway, Prosody and slixmpp device that scripts/bench iot starts")
            exit(2)
        }
        do {
            try runBlocking(within: watchdog) { try await measure(try IoTBenchmarkEnvironment(path: path)) }
        } catch {
            print("error: \(error)")
            exit(1)
        }
    }

    private static func measure(_ environment: IoTBenchmarkEnvironment) async throws {
        let gateway = ProcessStats(pid: environment.gatewayPID)
        // Every device is online (bench-iot waited for it) and nothing has been asked yet.
        let residentMegabytes = try gateway.residentMegabytes()
        let anonymousMegabytes = try gateway.anonymousResidentMegabytes()
        let slixmppDevice = ProcessStats(pid: environment.slixmppDevicePID)
        let slixmppResidentMegabytes = try slixmppDevice.residentMegabytes()
        let client = try IoTBenchClient(environment)
        defer { client.stop() }
        try await client.connectAndSubscribe()
        progress("ready; measuring set → notification latency")

        let latency = try await NotificationLatencyPhase(
            client: client, relays: environment.relays, gateway: gateway,
            warmUpSamples: environment.relays.count, samples: latencySamples
        ).run()
        progress("measuring readouts")
        let readouts = try await ReadoutThroughputPhase(
            client: client, depths: readoutDepths, readoutsPerRound: readoutsPerRound, rounds: rounds,
            warmUpReadouts: readoutsPerRound / 4
        ).run([(environment.gatewayReadoutDevice, gateway),
               (environment.slixmppReadoutDevice, slixmppDevice)],
              server: ProcessStats(pid: environment.prosodyPID))

        IoTBenchmarkReport(
            deviceCount: environment.gatewayDeviceCount, relayCount: environment.relays.count,
            latency: latency, gatewayReadouts: readouts[0], slixmppReadouts: readouts[1],
            residentMegabytes: residentMegabytes, anonymousMegabytes: anonymousMegabytes,
            residentMegabytesAfter: try gateway.residentMegabytes(),
            slixmppResidentMegabytes: slixmppResidentMegabytes,
            slixmppResidentMegabytesAfter: try slixmppDevice.residentMegabytes(),
            binaryFloorMegabytes: environment.gatewayBinaryFloorMegabytes,
            historyReadings: environment.gatewayHistoryReadings,
            historyMegabytes: environment.gatewayHistoryMegabytes
        ).print()
    }

    /// A line on stderr, so a slow phase shows where the run is.
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data("iot: \(text)\n".utf8))
    }
}
