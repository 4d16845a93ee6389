/// The `iot` suite's table and summary line, with the targets beside the figures.
struct IoTBenchmarkReport {
    let deviceCount: Int
    let relayCount: Int
    let latency: NotificationLatencyPhase.Result
    let gatewayReadouts: ReadoutThroughputPhase.DeviceResult
    let slixmppReadouts: ReadoutThroughputPhase.DeviceResult
    let residentMegabytes: Double
    let anonymousMegabytes: Double
    let residentMegabytesAfter: Double
    let slixmppResidentMegabytes: Double
    let slixmppResidentMegabytesAfter: Double
    let binaryFloorMegabytes: Double
    let historyReadings: Int
    let historyMegabytes: Double

    static let notifyP99TargetMilliseconds = 20.0
    static let residentTargetMegabytes = 25.0
    static let readoutRatioTarget = 3.0

    func print() {
        let latencies = latency.latenciesMilliseconds.sorted()
        let roundTrips = latency.setRoundTripsMilliseconds.sorted()
        let (p50, p90, p99) = (Self.percentile(latencies, 0.50), Self.percentile(latencies, 0.90), Self.percentile(latencies, 0.99))
        let cpuPerReading = latency.gatewayCPUMilliseconds / Double(max(latency.readingsPublished, 1))
        let (gatewayBest, slixmppBest) = (gatewayReadouts.best, slixmppReadouts.best)
        let ratio = gatewayBest.readoutsPerSecond / slixmppBest.readoutsPerSecond
        let f = { (value: Double, decimals: Int) in Measurement.format(value, decimals: decimals) }
        let depths = IoTBenchmark.readoutDepths.map(String.init).joined(separator: " / ")
        let perDepth = { (result: ReadoutThroughputPhase.DeviceResult) in
            result.depths.map { f($0.readoutsPerSecond, 0) }.joined(separator: " / ")
        }
        let depthRatios = zip(gatewayReadouts.depths, slixmppReadouts.depths)
            .map { f($0.readoutsPerSecond / $1.readoutsPerSecond, 2) }.joined(separator: " / ")
        let atBest = { (result: ReadoutThroughputPhase.DepthResult) in "\(f(result.readoutsPerSecond, 0)) (\(result.inFlight))" }

        Swift.print("## iot: \(deviceCount) simulated devices on one gateway (release), Prosody on loopback "
            + "(tuned baseline config: nagle off, generational GC); \(latencies.count) set→notification samples over \(relayCount) relays; "
            + "readouts: \(depths) in flight, \(IoTBenchmark.readoutsPerRound) per round, "
            + "median of \(IoTBenchmark.rounds) interleaved rounds; CPU and reads at each device's best depth")
        Measurement.printTable(
            ["figure", "gateway", "slixmpp device", "target or ratio"],
            [
                ["notification p50 / p90 / p99 (ms), incl. the set", "\(f(p50, 2)) / \(f(p90, 2)) / \(f(p99, 2))", "–",
                 "p99 < \(f(Self.notifyP99TargetMilliseconds, 0)): \(Self.verdict(p99 < Self.notifyP99TargetMilliseconds))"],
                ["notification max (ms)", f(latencies.last ?? .nan, 2), "–", ""],
                ["set → setResponse p50 / p99 (ms)", "\(f(Self.percentile(roundTrips, 0.50), 2)) / \(f(Self.percentile(roundTrips, 0.99), 2))", "–", ""],
                ["readouts/s at \(depths) in flight", perDepth(gatewayReadouts), perDepth(slixmppReadouts),
                 "\(depthRatios)×"],
                ["readouts/s at the best depth (in flight)", atBest(gatewayBest), atBest(slixmppBest),
                 "≥ \(f(Self.readoutRatioTarget, 0))× slixmpp: \(f(ratio, 2))×, \(Self.verdict(ratio >= Self.readoutRatioTarget))"],
                ["device CPU per readout (ms)", f(gatewayBest.deviceCPUMilliseconds, 3),
                 f(slixmppBest.deviceCPUMilliseconds, 3),
                 "\(f(slixmppBest.deviceCPUMilliseconds / gatewayBest.deviceCPUMilliseconds, 1))× less CPU"],
                ["Prosody / load generator CPU per readout (ms)",
                 "\(f(gatewayBest.serverCPUMilliseconds, 3)) / \(f(gatewayBest.loadGeneratorCPUMilliseconds, 3))",
                 "\(f(slixmppBest.serverCPUMilliseconds, 3)) / \(f(slixmppBest.loadGeneratorCPUMilliseconds, 3))", ""],
                ["Prosody read calls per readout", f(gatewayBest.serverReads, 1), f(slixmppBest.serverReads, 1), ""],
                ["gateway CPU per published reading (ms)", "\(f(cpuPerReading, 3)) (\(latency.readingsPublished) readings)", "–", ""],
                ["RSS, all online / after the run (MB)", "\(f(residentMegabytes, 1)) / \(f(residentMegabytesAfter, 1))",
                 "\(f(slixmppResidentMegabytes, 1)) / \(f(slixmppResidentMegabytesAfter, 1))",
                 "< \(f(Self.residentTargetMegabytes, 0)): \(Self.verdict(residentMegabytes < Self.residentTargetMegabytes))"],
                ["of which anonymous (heap, stacks) (MB)", f(anonymousMegabytes, 1), "–", ""],
                ["the same binary running `version` (peak RSS, MB)", f(binaryFloorMegabytes, 1), "–", "the floor"],
                ["history at the start (readings / MB on disk)", "\(historyReadings) / \(f(historyMegabytes, 0))", "–", ""],
            ])
        Swift.print("summary: notify_p50_ms=\(f(p50, 2)) notify_p99_ms=\(f(p99, 2)) "
            + "readouts_per_s=\(f(gatewayBest.readoutsPerSecond, 0)) slixmpp_readouts_per_s=\(f(slixmppBest.readoutsPerSecond, 0)) "
            + "readouts_per_s_vs_slixmpp=\(f(ratio, 2)) cpu_ms_per_reading=\(f(cpuPerReading, 3)) "
            + "rss_mb_20_devices=\(f(residentMegabytes, 1))")
    }

    /// Nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    private static func verdict(_ met: Bool) -> String { met ? "met" : "**not met**" }
}
