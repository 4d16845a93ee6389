import Drivers
import FoundationEssentials
import XMPPClient
import XMPPIoT

/// One device on XMPP: its own session (a resource of the gateway's account, negative
/// priority) that answers readouts, control and commands, shows the device's health as
/// presence, stores every published value in the history and hands it to the publisher.
actor DeviceEndpoint {
    nonisolated let device: any GatewayDevice
    nonisolated let session: XMPPSession
    nonisolated let requests: DeviceRequests
    private let services: GatewayServices
    private let publisher: ReadingPublisher?
    private let caps: EntityCapabilities?
    private let healthChanged: @Sendable (String, DeviceHealth) -> Void
    private lazy var presenceSender = ThrottledPresence { [weak self] in await self?.sendPresence() }
    private var lastPresenceAt: ContinuousClock.Instant?
    /// Values are refreshed in the status text at most this often.
    private let statusRefresh = Duration.seconds(60)

    init(
        device: any GatewayDevice,
        session: XMPPSession,
        directory: DeviceDirectory,
        services: GatewayServices,
        commands: AdHocCommands,
        publisher: ReadingPublisher?,
        healthChanged: @escaping @Sendable (String, DeviceHealth) -> Void
    ) {
        self.device = device
        self.session = session
        self.services = services
        self.publisher = publisher
        self.healthChanged = healthChanged
        caps = DeviceIdentity.capabilities(of: device.model)
        requests = DeviceRequests(
            device: device, directory: directory, services: services, commands: commands, send: { [session] in session.send($0) })
    }

    /// Serves the device until its updates end (the device stopped), then says goodbye.
    func run() async {
        let account = session.configuration.account
        IncomingRequest.serve(on: session, now: services.wallClock) { [requests] iq in await requests.answer(iq, account: account) }
        session.setPresence(await currentPresence())
        session.start()
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.serveSession() }
            await self.followDevice()
            self.session.stop()
            await group.waitForAll()
        }
    }

    private func serveSession() async {
        for await event in session.events {
            switch event {
            case let .message(message):
                for reply in await requests.handle(message) { session.send(reply) }
            case let .online(established):
                services.logger.info("\(device.id) online as \(established.jid)")
            case let .offline(error):
                services.logger.notice("\(device.id) offline: \(error)")
            default:
                break
            }
        }
    }

    private func followDevice() async {
        for await update in device.updates {
            switch update {
            case let .published(readings, measuredAt):
                await record(readings, measuredAt)
                if let lastPresenceAt, ContinuousClock.now - lastPresenceAt >= statusRefresh {
                    await presenceChanged()
                }
            case let .health(health):
                services.logger.info("\(device.id): \(health.problem ?? "reading")")
                healthChanged(device.id, health)
                await presenceChanged()
            case let .notice(text):
                services.logger.warning("\(device.id): \(text)")
            }
        }
    }

    /// Stores one frame's values in one transaction, then publishes the device's state.
    private func record(_ readings: [FieldReading], _ measuredAt: Date) async {
        var ids: [Int64] = []
        if let history = services.history {
            let stored = readings.map { reading in
                HistoryReading(device: device.id, field: reading.field, time: measuredAt, value: reading.value,
                               unit: device.model.field(named: reading.field)?.unit)
            }
            do {
                ids = try await history.append(stored)
            } catch {
                services.logger.error("history: \(error)")
            }
        }
        guard let publisher else { return }
        let snapshot = await device.snapshot(at: .now)
        let fields = snapshot.fields.compactMap { IoTValueConversion.sensorField($0, writable: false) }
        await publisher.publish(device: device.id, fields: fields, historyIDs: ids)
    }

    private func presenceChanged() async {
        await presenceSender.changed()
    }

    private func sendPresence() async {
        lastPresenceAt = .now
        session.setPresence(await currentPresence())
    }

    private func currentPresence() async -> Presence {
        let snapshot = await device.snapshot(at: .now)
        return HealthPresence.presence(health: snapshot.health, snapshot: snapshot, caps: caps)
    }
}
