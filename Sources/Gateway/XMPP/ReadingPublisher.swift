import Drivers
import Logging
import XMPPClient
import XMPPIoT

/// Publishes every device's current readings as one item per device on the account's PEP
/// node (or a pubsub service's), following the portable node setup of `PEPNodeSetup`.
/// On PEP the items are for presence subscribers, whom only JIDs with a role become; on a
/// pubsub service the node is a whitelist, whose members the publisher keeps equal to the
/// JIDs with a role.
///
/// Publications are coalesced per device: while one is in flight, only the newest state of
/// each device waits (`PublicationQueue`). Readings are marked published in the history
/// once the server took the item that carried them; what the server never took, and what
/// was taken while the link was down, is drained from the history when the link is back
/// (store and forward), each reading with its own time.
actor ReadingPublisher {
    private let session: XMPPSession
    /// The devices whose stored readings the backlog publishes, as they are now (a reload
    /// changes them).
    private let directory: DeviceDirectory
    private let service: JID?
    /// The node the items go to (`publishing.node_prefix`).
    private let node: String
    private let history: HistoryStore?
    private let logger: Logger
    private var setup: PEPNodeSetup
    /// Who may read the items on a pubsub service; nil on PEP.
    private var members: Set<JID>?
    private var membersInSync = false
    private var queue = PublicationQueue<PEPPublication>()
    private var isBusy = false
    private var isDraining = false
    /// Readings were released to the backlog since a drain last started (one running may
    /// have passed them).
    private var releasedSinceDrain = false
    /// Each device's last published fields, published again after a backlog drain so the
    /// node's item ends up current, not the oldest replayed value.
    private var latest: [String: [SensorField]] = [:]
    /// How fast the backlog is replayed, below the rate limits servers apply to a session.
    private let backlogRate = PublishRate(count: 10, per: .seconds(1))

    init(session: XMPPSession, directory: DeviceDirectory, deviceCount: Int, node: String, service: JID?,
         members: Set<JID>, history: HistoryStore?, logger: Logger) {
        self.session = session
        self.directory = directory
        self.node = node
        self.service = service
        self.members = service == nil ? nil : members
        self.history = history
        self.logger = logger
        setup = PEPNodeSetup(deviceCount: deviceCount, accessModel: service == nil ? .presence : .whitelist)
    }

    /// The JIDs with a role changed (a reload): on a pubsub service the node's members follow
    /// with the next publication.
    func admit(_ newMembers: Set<JID>) {
        guard members != nil, members != newMembers else { return }
        members = newMembers
        membersInSync = false
    }

    /// Queues the device's current fields; `historyIDs` are the stored readings they carry.
    func publish(device: String, fields: [SensorField], historyIDs: [Int64]) {
        latest[device] = fields
        let publication = Self.publication(device: device, fields: fields, node: node, service: service)
        noteReleased(queue.enqueue(device: device, publication, historyIDs: historyIDs))
        guard !isBusy else { return }
        isBusy = true
        Task { await self.drain() }
    }

    /// Store and forward: after the link returns, publishes what the history holds
    /// unpublished, oldest first with its original timestamp, no faster than `backlogRate`,
    /// leaving alone the readings a live publication carries; then, if it published any,
    /// every device's current state again.
    func publishBacklog() async {
        guard let history, !isDraining else { return }
        isDraining = true
        defer { isDraining = false }
        let models = Dictionary(uniqueKeysWithValues: directory.devices.map { ($0.id, $0.model) })
        let backlog = BacklogPublisher(store: history, rate: backlogRate, clock: ContinuousClock())
        var published = 0
        var outcome: BacklogDrain
        repeat {
            releasedSinceDrain = false
            let options = setup.publishOptions
            let isClaimed = { @Sendable (stored: StoredReading) in await self.isClaimed(stored) }
            outcome = await backlog.drain(leavingAlone: isClaimed) { @Sendable [session, service, node] stored in
                let reading = stored.reading
                guard let value = reading.value, let field = models[reading.device]?.field(named: reading.field) else { return }
                let sensorField = SensorField(
                    name: field.name, value: IoTValueConversion.sensorValue(value, of: field), timestamp: reading.time)
                var publication = Self.publication(device: reading.device, fields: [sensorField], node: node, service: service)
                publication.options = options
                _ = try await session.request(publication.iq(id: ""))
            }
            published += outcome.published
            if case .stopped = outcome { break }
        } while releasedSinceDrain
        if case let .stopped(_, reason) = outcome {
            logger.notice("backlog: \(published) published, the rest waits: \(reason)")
        } else if published > 0 {
            logger.info("published \(published) readings taken while offline")
        }
        guard published > 0 else { return }
        for (device, fields) in latest.sorted(by: { $0.key < $1.key }) {
            publish(device: device, fields: fields, historyIDs: [])
        }
    }

    /// The hub session went offline: from now on, until a publication goes out again, a
    /// device's newer state leaves the readings of the one it replaces to the backlog.
    func linkLost() {
        queue.linkLost()
    }

    private func isClaimed(_ stored: StoredReading) -> Bool {
        queue.claimed.contains(stored.id)
    }

    /// Readings a live publication no longer carries: the backlog publishes them.
    private func noteReleased(_ historyIDs: [Int64]) {
        if !historyIDs.isEmpty { releasedSinceDrain = true }
    }

    private func drain() async {
        while let next = queue.next() {
            if await !send(next.publication) {
                // Kept for the next attempt, unless a newer state arrived meanwhile.
                noteReleased(queue.failed(next))
                break
            }
            if let history, !next.historyIDs.isEmpty {
                do { try await history.markPublished(next.historyIDs) } catch { logger.error("history: \(error)") }
            }
            queue.published(next)
            // Publications go out again after a stall the link may have survived: what was
            // released meanwhile goes now, not at the next reconnect.
            if releasedSinceDrain, !isDraining {
                Task { await self.publishBacklog() }
            }
            if !membersInSync { await synchronizeMembers() }
        }
        isBusy = false
    }

    /// An item; its publish-options are the setup's when it is sent.
    private static func publication(device: String, fields: [SensorField], node: String, service: JID?) -> PEPPublication {
        var publication = PEPPublication.readings(deviceId: device, fields: fields, options: nil, service: service)
        publication.node = node
        return publication
    }

    /// Makes the service node's members exactly `members`, once the node exists. A refusal
    /// is logged once, not retried; without an answer it is tried after the next publication.
    private func synchronizeMembers() async {
        guard let service, let wanted = members else { return }
        do {
            let current = PubSubMembers.members(
                in: try await session.request(PubSubMembers.requestIQ(node: node, id: "", service: service)))
            if let change = PubSubMembers.changeIQ(node: node, id: "", service: service, current: current, wanted: wanted) {
                _ = try await session.request(change)
                logger.info("\(service) node \(node): readable by \(wanted.count) JIDs with a role")
            }
        } catch RequestError.stanzaError(let refusal) {
            logger.warning("Cannot set who may read node \(node) on \(service): \(refusal)")
        } catch {
            return
        }
        // A reload may have changed the members meanwhile; then the next publication goes again.
        membersInSync = members == wanted
    }

    /// Runs the node setup until the item is out; false when it could not be published now.
    private func send(_ publication: PEPPublication) async -> Bool {
        var actions = setup.publishRequested()
        var published = false
        while let action = actions.first {
            actions.removeFirst()
            let event: PEPNodeSetup.Event?
            switch action {
            case .requestConfiguration:
                let request = PubSubNodeConfiguration.requestIQ(node: publication.node, id: "", service: service)
                event = await answer(to: request, failure: PEPNodeSetup.Event.configurationFailed) { result in
                    (try? PubSubNodeConfiguration(result: result)).flatMap { $0 }.map { .configurationRead($0) }
                        ?? .configurationFailed(.other(.undefinedCondition))
                }
            case let .configure(configuration):
                let request = configuration.configureIQ(node: publication.node, id: "", service: service)
                event = await answer(to: request, failure: PEPNodeSetup.Event.configurationFailed) { _ in .configured }
            case let .create(configuration):
                let request = configuration.createIQ(node: publication.node, id: "", service: service)
                event = await answer(to: request, failure: PEPNodeSetup.Event.creationFailed) { _ in .created }
            case .publish:
                var request = publication
                request.options = setup.publishOptions
                event = await answer(to: request.iq(id: ""), failure: PEPNodeSetup.Event.publishFailed) { _ in
                    published = true
                    return .publishSucceeded
                }
            case let .alert(text):
                logger.warning("\(text)")
                continue
            }
            guard let event else { return false }
            actions += setup.handle(event)
        }
        return published
    }

    /// The setup event for the server's answer to `request`: `success` of its result, or
    /// `failure` of its refusal; nil when there was no answer (offline, timeout): try later.
    private func answer(to request: IQ, failure: (PubSubFailure) -> PEPNodeSetup.Event,
                        success: (IQ) -> PEPNodeSetup.Event) async -> PEPNodeSetup.Event? {
        do {
            return success(try await session.request(request))
        } catch {
            guard case let RequestError.stanzaError(stanzaError) = error else { return nil }
            return failure(PubSubFailure(stanzaError))
        }
    }
}
