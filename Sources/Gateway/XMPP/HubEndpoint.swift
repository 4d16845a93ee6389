import XMPPClient
import XMPPIoT

/// The gateway's hub session (priority 0): it receives what is sent to the bare JID —
/// chat commands for every device, the gateway's ad-hoc commands, readouts and control
/// naming a device node — answers presence subscriptions by the access policy, and shows
/// the whole gateway's health as its presence.
actor HubEndpoint {
    nonisolated let session: XMPPSession
    private let directory: DeviceDirectory
    private let services: GatewayServices
    private let commands: AdHocCommands
    private let publisher: ReadingPublisher?
    private let caps = DeviceIdentity.capabilities(of: nil)
    private var healths: [String: DeviceHealth] = [:]
    private lazy var presenceSender = ThrottledPresence { [weak self] in await self?.sendPresence() }

    init(session: XMPPSession, directory: DeviceDirectory, services: GatewayServices, commands: AdHocCommands,
         publisher: ReadingPublisher?) {
        self.session = session
        self.publisher = publisher
        self.directory = directory
        self.services = services
        self.commands = commands
    }

    func run() async {
        let account = session.configuration.account
        IncomingRequest.serve(on: session, now: services.wallClock) { iq in await self.answer(iq, account: account) }
        session.setPresence(presence)
        session.start()
        for await event in session.events {
            switch event {
            case let .message(message):
                for reply in await handle(message) { session.send(reply) }
            case let .online(established):
                services.logger.info("hub online as \(established.jid)")
                if let publisher {
                    Task { await publisher.publishBacklog() }
                }
            case .offline:
                await publisher?.linkLost()
            case let .subscriptionRequest(from):
                let approve = services.refusal(of: .subscribe, by: from, device: nil) == nil
                session.answerSubscription(from: from, approve: approve)
                if approve { session.subscribe(to: from) }
            default:
                break
            }
        }
        session.stop()
    }

    /// A device's health changed: the summary presence follows, throttled.
    func healthChanged(_ device: String, _ health: DeviceHealth) async {
        healths[device] = health
        await presenceSender.changed()
    }

    private func sendPresence() {
        session.setPresence(presence)
    }

    private var presence: Presence {
        HealthPresence.hub(healths: directory.devices.map { ($0.id, healths[$0.id] ?? .starting) }, caps: caps)
    }

    private func answer(_ iq: IQ, account: JID) async -> RequestAnswer {
        let (sender, request): (JID, IoTRequest)
        switch IncomingRequest.read(iq) {
        case let .success(incoming): (sender, request) = incoming
        case let .failure(error): return RequestAnswer(iq.error(error.stanzaError))
        }
        switch request {
        case let .readout(readout):
            return await delegate(iq, nodes: readout.nodes, account: account)
        case let .controlSet(set):
            return await delegate(iq, nodes: set.nodes, account: account)
        case let .command(command):
            switch await commands.run(command, device: nil, from: sender) {
            case let .success(answer): return RequestAnswer(iq.result(answer.element))
            case let .failure(error): return RequestAnswer(iq.error(error.stanzaError))
            }
        case let .discoInfo(node):
            return RequestAnswer(iq.result(DeviceIdentity.info(of: nil, node: node).element))
        case let .discoItems(node) where node == IoTNamespace.commands:
            let own = commands.list(at: iq.to ?? account, device: nil, for: sender).items
            let perDevice = directory.devices.flatMap { device -> [AdHocCommandList.Item] in
                guard let deviceJID = try? account.with(resource: device.id) else { return [] }
                return commands.list(at: deviceJID, device: device.id, for: sender).items
                    .filter { $0.node != AdHocCommands.status }
                    .map { AdHocCommandList.Item(jid: $0.jid, node: $0.node, name: "\($0.name): \(device.id)") }
            }
            return RequestAnswer(iq.result(AdHocCommandList(items: own + perDevice).element))
        case let .discoItems(node):
            return RequestAnswer(iq.result(DiscoItems(node: node, items: []).element))
        case .cancelReadout, .controlForm:
            return RequestAnswer(iq.error(IoTRequestError.itemNotFound("Send this to the device's own address.").stanzaError))
        }
    }

    /// A request to the bare JID naming a device node goes to that device.
    private func delegate(_ iq: IQ, nodes: [NodeReference], account: JID) async -> RequestAnswer {
        guard let id = nodes.compactMap(\.nodeId).first, let requests = directory.requests(id: id) else {
            return RequestAnswer(iq.error(IoTRequestError.itemNotFound(
                "Name a device node: " + directory.devices.map(\.id).joined(separator: ", ") + ".").stanzaError))
        }
        return await requests.answer(iq, account: account)
    }

    private func handle(_ message: Message) async -> [XMLElement] {
        guard let sender = message.from else { return [] }
        let classified = try? IoTMessage(message: message)
        switch classified {
        case let .readout(request)?:
            return await forward(message, nodes: request.nodes)
        case let .controlSet(request, _)?:
            return await forward(message, nodes: request.nodes)
        case let .chat(text, delay)?:
            if delay != nil { return [] }
            let reply = await ChatService(directory: directory, services: services).reply(to: text, from: sender, device: nil)
            return [Message(kind: message.kind == .chat ? .chat : .normal, to: sender, body: reply, thread: message.thread).element]
        case .pubsubEvent?, nil:
            return []
        }
    }

    private func forward(_ message: Message, nodes: [NodeReference]) async -> [XMLElement] {
        guard let id = nodes.compactMap(\.nodeId).first, let requests = directory.requests(id: id) else {
            services.logger.notice("dropped an IoT message to the hub without a known device node from \(message.from.map(String.init(describing:)) ?? "?")")
            return []
        }
        return await requests.handle(message)
    }
}
