import NIOPosix
import XMPPClient
import XMPPIoT

/// The benchmark's one XMPP session (our own `XMPPSession`): it subscribes to the
/// gateway's presence, advertises `urn:xmpp:iot:sensordata+notify` in its caps so Prosody
/// sends it the gateway's PEP notifications, sends the sets and readout requests, and
/// hands what comes back to an ``IoTBenchInbox``, stamped when it was taken off the stream.
final class IoTBenchClient: Sendable {
    let session: XMPPSession
    let inbox = IoTBenchInbox()
    private let gateway: JID
    /// One element when the session is online, then one for each sign of the subscription.
    private let milestones: AsyncStream<Void>

    static let capsNode = "urn:xmpp-iot-gateway:benchmark"
    static let capsInfo = DiscoInfo(
        identities: [.bot(name: "iot benchmark")],
        features: [IoTNamespace.discoInfo, IoTNamespace.sensorData + "+notify"])

    init(_ environment: IoTBenchmarkEnvironment) throws {
        gateway = environment.gateway.bare
        let configuration = ClientConfiguration(
            account: environment.benchAccount, password: environment.benchPassword, resource: "bench",
            tls: try TLSContext(trustRoots: .caFile(path: environment.caFile)),
            endpoint: .init(host: environment.host, port: environment.port))
        session = XMPPSession(configuration: configuration, eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        let (milestones, milestone) = AsyncStream<Void>.makeStream()
        self.milestones = milestones
        let (session, inbox, gateway) = (session, inbox, gateway)
        Task.detached {
            for await event in session.events {
                let time = ContinuousClock.now
                switch event {
                case .online: milestone.yield()
                case let .message(message): await Self.route(message, at: time, to: inbox)
                // `subscribed`, or (already subscribed) the presence of a gateway session.
                case let .presence(presence) where [.subscribed, .available].contains(presence.kind) && presence.from?.bare == gateway:
                    milestone.yield()
                default: break
                }
            }
            milestone.finish()
        }
    }

    /// Online, subscribed to the gateway and known to Prosody as wanting its notifications.
    func connectAndSubscribe() async throws {
        let info = Self.capsInfo
        session.handleRequests(named: "query", namespace: IoTNamespace.discoInfo) { iq in
            var answer = info
            answer.node = iq.payload?.attribute("node")
            return .success(answer.element)
        }
        var signals = milestones.makeAsyncIterator()
        session.start()
        guard await signals.next() != nil else { throw IoTBenchmarkFailure("the benchmark client did not come online") }
        // Available first: Prosody routes the `subscribed` answer only to available resources.
        let caps = EntityCapabilities(node: Self.capsNode, ver: try info.capsHash()).element
        session.setPresence(Presence(payloads: [caps]))
        IoTBenchmark.progress("online; asking the gateway for a presence subscription")
        session.subscribe(to: gateway)
        // The hub approves.
        guard await signals.next() != nil else { throw IoTBenchmarkFailure("the gateway did not approve the subscription") }
        IoTBenchmark.progress("subscribed; announcing caps with +notify to the gateway")
        // Prosody's PEP reads caps from presence sent to the owner's bare JID.
        session.send(.presence(Presence(to: gateway, payloads: [caps])))
        // Prosody then sends the node's last items: the first one shows it knows we want them.
        let deadline = ContinuousClock.now + .seconds(20)
        while await inbox.notificationCount == 0 {
            guard ContinuousClock.now < deadline else { throw IoTBenchmarkFailure("no PEP notification within 20 s of the caps") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The relay state in each item of the gateway's sensor-data node (a PEP items query).
    func publishedRelayStates() async throws -> [String: Bool] {
        let query = XMLElement("pubsub", namespace: IoTNamespace.pubsub, children: [
            .element(XMLElement("items", namespace: IoTNamespace.pubsub, attributes: ["node": IoTNamespace.sensorData])),
        ])
        let result = try await session.request(IQ(kind: .get, id: "", to: gateway, payload: query))
        var states: [String: Bool] = [:]
        for item in result.payload?.element("items", namespace: IoTNamespace.pubsub)?.elements ?? [] {
            if let id = item.attribute("id"), let state = item.elements.first.flatMap(Self.relayState) { states[id] = state }
        }
        return states
    }

    func stop() {
        session.stop()
    }

    private static func route(_ message: Message, at time: ContinuousClock.Instant, to inbox: IoTBenchInbox) async {
        if let notification = try? PubSubEventNotification(message: message) {
            for item in notification.items {
                guard let id = item.id else { continue }
                await inbox.received(item: id, state: item.payload.flatMap(relayState), at: time)
            }
            return
        }
        for payload in message.payloads where payload.namespace == IoTNamespace.sensorData {
            guard let seqnr = payload.attribute("seqnr"), payload.attribute("done") == "true" else { continue }
            switch payload.name {
            case "fields": await inbox.readoutFinished(seqnr: seqnr, succeeded: true)
            case "failure": await inbox.readoutFinished(seqnr: seqnr, succeeded: false)
            default: break
            }
        }
    }

    /// The `state` boolean anywhere in a published `<fields>`: a relay's read-back.
    private static func relayState(_ fields: XMLElement) -> Bool? {
        for child in fields.elements {
            if child.name == "boolean", child.attribute("name") == "state" {
                return ["true", "1"].contains(child.attribute("value") ?? "")
            }
            if let state = relayState(child) { return state }
        }
        return nil
    }
}
