import XMPPClient
import XMPPIoT

/// Phase 1 of the `iot` suite: a relay is switched by an XEP-0325 set; the gateway drives
/// the simulated line, reads it back and publishes the new state to PEP. Each sample runs
/// from just before the set is sent to the moment the subscriber takes the notification
/// with that device's item id and the new state off the stream: it includes the set's
/// processing. One set at a time, relays round-robin, each toggled on every visit.
struct NotificationLatencyPhase {
    let client: IoTBenchClient
    let relays: [JID]
    let gateway: ProcessStats
    /// Unmeasured switches first: every relay once, so first-publication costs stay out.
    let warmUpSamples: Int
    let samples: Int

    static let notificationTimeout = Duration.seconds(10)

    struct Result {
        var latenciesMilliseconds: [Double] = []
        /// Set sent → its `<setResponse/>` received, for the same samples.
        var setRoundTripsMilliseconds: [Double] = []
        /// Gateway CPU over the measured samples, and the PEP items published meanwhile.
        var gatewayCPUMilliseconds = 0.0
        var readingsPublished = 0
    }

    func run() async throws -> Result {
        var result = Result()
        // A relay never published is in its safe state, off.
        var commanded = try await client.publishedRelayStates()
        var cpuAtStart = 0.0
        var notificationsAtStart = 0
        for index in 0..<(warmUpSamples + samples) {
            if index == warmUpSamples {
                cpuAtStart = try gateway.cpuMilliseconds()
                notificationsAtStart = await client.inbox.notificationCount
            }
            let relay = relays[index % relays.count]
            let item = relay.resource ?? ""
            let state = !(commanded[item] ?? false)
            commanded[item] = state
            let (latency, roundTrip) = try await switchRelay(relay, to: state)
            if index >= warmUpSamples {
                result.latenciesMilliseconds.append(latency)
                result.setRoundTripsMilliseconds.append(roundTrip)
            }
        }
        result.gatewayCPUMilliseconds = try gateway.cpuMilliseconds() - cpuAtStart
        result.readingsPublished = await client.inbox.notificationCount - notificationsAtStart
        return result
    }

    /// Milliseconds from sending the set to receiving the notification of the new state, and
    /// to receiving the set's answer.
    private func switchRelay(_ relay: JID, to state: Bool) async throws -> (notification: Double, answer: Double) {
        let item = relay.resource ?? ""
        let inbox = client.inbox
        await inbox.expectNotification(item: item, state: state)
        let set = XMLElement("set", namespace: IoTNamespace.control, children: [
            .element(XMLElement("boolean", namespace: IoTNamespace.control,
                                attributes: ["name": "state", "value": state ? "true" : "false"])),
        ])
        let timeout = Task {
            try await Task.sleep(for: Self.notificationTimeout)
            await inbox.expireNotification(item: item)
        }
        let sent = ContinuousClock.now
        let session = client.session
        let answer = Task {
            _ = try await session.request(IQ(kind: .set, id: "", to: relay, payload: set))  // a refused set throws
            return ContinuousClock.now
        }
        let arrival = await inbox.notificationArrival(item: item)
        timeout.cancel()
        let answered = try await answer.value
        guard let arrival else {
            throw IoTBenchmarkFailure("no notification of \(item) switching \(state ? "on" : "off") within \(Self.notificationTimeout)")
        }
        return ((arrival - sent).inMilliseconds, (answered - sent).inMilliseconds)
    }
}
