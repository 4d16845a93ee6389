import Foundation
import XMPPClient
import XMPPIoT

/// Phase 2 of the `iot` suite: momentary XEP-0323 readouts answered per second by each
/// device, driven by the same load generator — our `XMPPSession` keeping a fixed number of
/// requests in flight. A readout counts once its `<fields done='true'>` message arrived.
/// The devices take turns, round by round (order alternating), so a change in the
/// machine's load hits both alike; each device's figure is the median of its rounds.
struct ReadoutThroughputPhase {
    let client: IoTBenchClient
    let inFlight: Int
    let readoutsPerRound: Int
    let rounds: Int
    let warmUpReadouts: Int

    struct DeviceResult {
        var readoutsPerSecond: Double
        /// CPU per readout (medians over the rounds) of the device's process, of Prosody,
        /// and of this process, the load generator.
        var deviceCPUMilliseconds: Double
        var serverCPUMilliseconds: Double
        var loadGeneratorCPUMilliseconds: Double
        /// Prosody's read calls per readout (median over the rounds).
        var serverReads: Double
    }

    /// One result per device, in the order given.
    func run(_ devices: [(jid: JID, process: ProcessStats)], server: ProcessStats) async throws -> [DeviceResult] {
        let loadGenerator = ProcessStats(pid: getpid())
        let tickets = ReadoutTickets()
        for device in devices { _ = try await readouts(warmUpReadouts, from: device.jid, tickets: tickets) }
        var rates = Array(repeating: [Double](), count: devices.count)
        // Per device: per round, CPU per readout of device, server and load generator.
        var cpu = Array(repeating: [[Double]](), count: devices.count)
        var serverReads = Array(repeating: [Double](), count: devices.count)
        for round in 0..<rounds {
            let order = round.isMultiple(of: 2) ? Array(devices.indices) : devices.indices.reversed()
            for index in order {
                let processes = [devices[index].process, server, loadGenerator]
                let before = try processes.map { try $0.cpuMilliseconds() }
                let readsBefore = try server.readCalls()
                let seconds = try await readouts(readoutsPerRound, from: devices[index].jid, tickets: tickets)
                let after = try processes.map { try $0.cpuMilliseconds() }
                cpu[index].append(zip(after, before).map { ($0 - $1) / Double(readoutsPerRound) })
                serverReads[index].append((try server.readCalls() - readsBefore) / Double(readoutsPerRound))
                rates[index].append(Double(readoutsPerRound) / seconds)
            }
        }
        return devices.indices.map { index in
            let medianCPU = { (process: Int) in Measurement.median(cpu[index].map { $0[process] }) }
            return DeviceResult(readoutsPerSecond: Measurement.median(rates[index]), deviceCPUMilliseconds: medianCPU(0),
                                serverCPUMilliseconds: medianCPU(1), loadGeneratorCPUMilliseconds: medianCPU(2),
                                serverReads: Measurement.median(serverReads[index]))
        }
    }

    /// Seconds until `count` readouts of `device` completed, `inFlight` at a time.
    private func readouts(_ count: Int, from device: JID, tickets: ReadoutTickets) async throws -> Double {
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
        return IoTBenchmark.seconds(ContinuousClock.now - start)
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
