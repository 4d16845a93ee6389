import Drivers
import Foundation
import Logging
import XMPPClient
import XMPPIoT

/// Publishes every device's current readings as one item per device on the account's PEP
/// node (or a pubsub service's), following the portable node setup of `PEPNodeSetup`.
///
/// Publications are coalesced per device: while one is in flight, only the newest state of
/// each device waits. Readings are marked published in the history once the server took
/// the item that carried them; what the server never took is drained from the history when
/// the link is back (store and forward).
actor ReadingPublisher {
    private let session: XMPPSession
    private let service: JID?
    /// The node the items go to (`publishing.node_prefix`).
    private let node: String
    private let history: HistoryStore?
    private let logger: Logger
    private var setup: PEPNodeSetup
    private var waiting: [String: (publication: PEPPublication, historyIDs: [Int64])] = [:]
    private var order: [String] = []
    private var isBusy = false
    private var isDraining = false
    /// Each device's last published fields, published again after a backlog drain so the
    /// node's item ends up current, not the oldest replayed value.
    private var latest: [String: [SensorField]] = [:]
    /// How fast the backlog is replayed, below the rate limits servers apply to a session.
    private let backlogRate = PublishRate(count: 10, per: .seconds(1))

    init(session: XMPPSession, deviceCount: Int, node: String, service: JID?, history: HistoryStore?, logger: Logger) {
        self.session = session
        self.node = node
        self.service = service
        self.history = history
        self.logger = logger
        setup = PEPNodeSetup(deviceCount: deviceCount)
    }

    /// Queues the device's current fields; `historyIDs` are the stored readings they carry.
    func publish(device: String, fields: [SensorField], historyIDs: [Int64]) {
        latest[device] = fields
        var publication = PEPPublication.readings(deviceId: device, fields: fields, service: service)
        publication.node = node
        let ids = (waiting[device]?.historyIDs ?? []) + historyIDs
        if waiting[device] == nil { order.append(device) }
        waiting[device] = (publication, ids)
        guard !isBusy else { return }
        isBusy = true
        Task { await self.drain() }
    }

    /// Store and forward: after the link returns, publishes what the history holds
    /// unpublished, oldest first with its original timestamp, no faster than `backlogRate`;
    /// then every device's current state again.
    func publishBacklog(models: [String: DeviceModel]) async {
        guard let history, !isDraining else { return }
        isDraining = true
        defer { isDraining = false }
        let backlog = BacklogPublisher(store: history, rate: backlogRate, clock: ContinuousClock())
        let outcome = await backlog.drain { @Sendable [session, service, node] stored in
            let reading = stored.reading
            guard let value = reading.value, let field = models[reading.device]?.field(named: reading.field) else { return }
            let sensorField = SensorField(
                name: field.name, value: IoTValueConversion.sensorValue(value, of: field), timestamp: reading.time)
            var publication = PEPPublication.readings(deviceId: reading.device, fields: [sensorField], service: service)
            publication.node = node
            _ = try await session.request(publication.iq(id: ""))
        }
        switch outcome {
        case let .finished(published) where published > 0:
            logger.info("published \(published) readings taken while offline")
        case let .stopped(published, reason):
            logger.notice("backlog: \(published) published, the rest waits: \(reason)")
        default:
            break
        }
        for (device, fields) in latest.sorted(by: { $0.key < $1.key }) {
            publish(device: device, fields: fields, historyIDs: [])
        }
    }

    private func drain() async {
        while !order.isEmpty {
            let device = order.removeFirst()
            guard let next = waiting.removeValue(forKey: device) else { continue }
            if await !send(next.publication) {
                // Keep it (unless a newer state arrived meanwhile) for the next attempt.
                if waiting[device] == nil {
                    waiting[device] = next
                    order.append(device)
                }
                break
            }
            if let history, !next.historyIDs.isEmpty {
                do { try await history.markPublished(next.historyIDs) } catch { logger.error("history: \(error)") }
            }
        }
        isBusy = false
    }

    /// Runs the node setup until the item is out; false when it could not be published now.
    private func send(_ publication: PEPPublication) async -> Bool {
        var actions = setup.publishRequested()
        var published = false
        while let action = actions.first {
            actions.removeFirst()
            let event: PEPNodeSetup.Event
            switch action {
            case .requestConfiguration:
                do {
                    let result = try await session.request(PubSubNodeConfiguration.requestIQ(node: publication.node, id: "", service: service))
                    event = (try? PubSubNodeConfiguration(result: result)).flatMap { $0 }.map { .configurationRead($0) }
                        ?? .configurationFailed(.other(.undefinedCondition))
                } catch {
                    guard let failure = Self.failure(error) else { return false }
                    event = .configurationFailed(failure)
                }
            case let .configure(configuration):
                do {
                    _ = try await session.request(configuration.configureIQ(node: publication.node, id: "", service: service))
                    event = .configured
                } catch {
                    guard let failure = Self.failure(error) else { return false }
                    event = .configurationFailed(failure)
                }
            case .publish:
                do {
                    _ = try await session.request(publication.iq(id: ""))
                    event = .publishSucceeded
                    published = true
                } catch {
                    guard let failure = Self.failure(error) else { return false }
                    event = .publishFailed(failure)
                }
            case let .alert(text):
                logger.warning("\(text)")
                continue
            }
            actions += setup.handle(event)
        }
        return published
    }

    /// The server's refusal; `nil` when there was no answer (offline, timeout): try later.
    private static func failure(_ error: any Error) -> PubSubFailure? {
        guard case let RequestError.stanzaError(stanzaError) = error else { return nil }
        return PubSubFailure(stanzaError)
    }
}
