import Foundation
import XMPPClient
import XMPPIoT

/// Phase 2 of the `iot` suite: momentary XEP-0323 readouts answered per second by each
/// device, driven by the same load generator — our `XMPPSession` keeping a fixed number of
/// requests in flight. A readout counts once its `<fields done='true'>` message arrived.
///
/// Each device is offered several depths (requests in flight): a device answers most per
/// second only once enough requests wait that its server and it never sit idle, and that
/// depth differs between devices. Devices and depths take turns, round by round (device
/// order alternating), so a change in the machine's speed hits all alike; each figure is
/// the median of its rounds, and a device's capacity is its best depth's figure.
struct ReadoutThroughputPhase {
    let client: IoTBenchClient
    let depths: [Int]
    let readoutsPerRound: Int
    let rounds: Int
    let warmUpReadouts: Int

    /// One device at one depth: one round's figures, or their medians over the rounds.
    struct DepthResult {
        var inFlight: Int
        var readoutsPerSecond: Double
        /// CPU per readout of the device's process, of Prosody, and of this process, the
        /// load generator.
        var deviceCPUMilliseconds: Double
        var serverCPUMilliseconds: Double
        var loadGeneratorCPUMilliseconds: Double
        /// Prosody's read calls per readout.
        var serverReads: Double
    }

    struct DeviceResult {
        /// In the order of the phase's depths.
        var depths: [DepthResult]
        /// The depth at which the device answered the most readouts per second.
        var best: DepthResult { depths.max { $0.readoutsPerSecond < $1.readoutsPerSecond }! }
    }

    /// One result per device, in the order given.
    func run(_ devices: [(jid: JID, process: ProcessStats)], server: ProcessStats) async throws -> [DeviceResult] {
        let loadGenerator = ProcessStats(pid: getpid())
        let tickets = ReadoutTickets()
        for device in devices {
            _ = try await readouts(warmUpReadouts, from: device.jid, inFlight: depths.max() ?? 1, tickets: tickets)
        }
        // Per device and depth, one result per round.
        var samples = Array(repeating: Array(repeating: [DepthResult](), count: depths.count), count: devices.count)
        for round in 0..<rounds {
            let order = round.isMultiple(of: 2) ? Array(devices.indices) : devices.indices.reversed()
            for (depthIndex, depth) in depths.enumerated() {
                for index in order {
                    samples[index][depthIndex].append(try await measureRound(
                        devices[index], inFlight: depth, server: server, loadGenerator: loadGenerator, tickets: tickets))
                }
            }
        }
        return samples.map { DeviceResult(depths: $0.map(Self.median)) }
    }

    private func measureRound(_ device: (jid: JID, process: ProcessStats), inFlight: Int, server: ProcessStats,
                              loadGenerator: ProcessStats, tickets: ReadoutTickets) async throws -> DepthResult {
        let processes = [device.process, server, loadGenerator]
        let before = try processes.map { try $0.cpuMilliseconds() }
        let readsBefore = try server.readCalls()
        let seconds = try await readouts(readoutsPerRound, from: device.jid, inFlight: inFlight, tickets: tickets)
        let perReadout = try zip(processes.map { try $0.cpuMilliseconds() }, before).map { ($0 - $1) / Double(readoutsPerRound) }
        return DepthResult(inFlight: inFlight, readoutsPerSecond: Double(readoutsPerRound) / seconds,
                           deviceCPUMilliseconds: perReadout[0], serverCPUMilliseconds: perReadout[1],
                           loadGeneratorCPUMilliseconds: perReadout[2],
                           serverReads: (try server.readCalls() - readsBefore) / Double(readoutsPerRound))
    }

    /// Each figure's median over the rounds of one depth.
    private static func median(_ rounds: [DepthResult]) -> DepthResult {
        let median = { (figure: KeyPath<DepthResult, Double>) in Measurement.median(rounds.map { $0[keyPath: figure] }) }
        return DepthResult(inFlight: rounds[0].inFlight, readoutsPerSecond: median(\.readoutsPerSecond),
                           deviceCPUMilliseconds: median(\.deviceCPUMilliseconds),
                           serverCPUMilliseconds: median(\.serverCPUMilliseconds),
                           loadGeneratorCPUMilliseconds: median(\.loadGeneratorCPUMilliseconds),
                           serverReads: median(\.serverReads))
    }

    /// Seconds until `count` readouts of `device` completed, `inFlight` at a time.
    private func readouts(_ count: Int, from device: JID, inFlight: Int, tickets: ReadoutTickets) async throws -> Double {
        await tickets.issue(count)
        let start = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    while let seqnr = await tickets.next() { try await readout(seqnr, from: device) }
                }
            }
            try await group.waitForAll()
        }
        return (ContinuousClock.now - start).inSeconds
    }

    private func readout(_ seqnr: String, from device: JID) async throws {
        let request = XMLElement("req", namespace: IoTNamespace.sensorData, attributes: ["seqnr": seqnr, "momentary": "true"])
        _ = try await client.session.request(IQ(kind: .get, id: "", to: device, payload: request))  // <accepted/>
        guard await client.inbox.readoutEnd(seqnr: seqnr) else {
            throw IoTBenchmarkFailure("readout \(seqnr) of \(device) failed")
        }
    }
}

/// Sequence numbers for readouts, unique across the phase, handed out up to a budget.
actor ReadoutTickets {
    private var issued = 0
    private var remaining = 0

    func issue(_ count: Int) {
        remaining = count
    }

    func next() -> String? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        issued += 1
        return String(issued)
    }
}
