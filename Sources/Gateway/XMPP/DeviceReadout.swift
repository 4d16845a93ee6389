import Drivers
import FoundationEssentials
import XMPPClient
import XMPPIoT

/// The XEP-0323 readout of one device: the fields a request asks for, from the device's
/// current values or from the history store, and the messages that carry them.
struct DeviceReadout: Sendable {
    let device: any GatewayDevice
    let history: HistoryStore?

    enum Outcome: Sendable {
        case fields([SensorField])
        /// Nothing to show, and why.
        case failure(SensorReadoutError)
    }

    /// The fields `request` wants, or the failure to report instead.
    func fields(for request: SensorDataRequest, now: ContinuousClock.Instant) async -> Outcome {
        let snapshot = await device.snapshot(at: now)
        var fields: [SensorField] = []
        if !request.fieldTypes.isDisjoint(with: [.momentary, .status, .identity, .computed, .peak]) {
            let writable = Set(device.model.parameters.filter(\.isWritable).map(\.name))
            fields += snapshot.fields.compactMap { IoTValueConversion.sensorField($0, writable: writable.contains($0.field.name)) }
        }
        if !request.fieldTypes.isDisjoint(with: .historical), let history {
            do {
                fields += try await historical(request, from: history)
            } catch {
                return .failure(SensorReadoutError(nodeId: device.id, timestamp: Date(), text: "history unavailable: \(error)"))
            }
        }
        let wanted = fields.filter(request.wants)
        if wanted.isEmpty, let problem = snapshot.health.problem {
            return .failure(SensorReadoutError(nodeId: device.id, timestamp: Date(), text: problem))
        }
        return .fields(wanted)
    }

    /// The messages to `requester` that carry the readout, the last one closing it.
    func messages(for request: SensorDataRequest, to requester: JID, now: ContinuousClock.Instant) async -> [XMLElement] {
        let node = NodeReference(nodeId: device.id)
        let payloads: [XMLElement]
        switch await fields(for: request, now: now) {
        case let .fields(fields):
            payloads = SensorDataResponse.fieldMessages(seqnr: request.seqnr, node: node, fields: fields, dialect: request.dialect)
        case let .failure(error):
            payloads = [SensorDataResponse.failure(request.seqnr, errors: [error])]
        }
        return payloads.map { Message(to: requester, payloads: [$0]).element }
    }

    private func historical(_ request: SensorDataRequest, from history: HistoryStore) async throws -> [SensorField] {
        let stored = try await history.readings(
            device: device.id, fields: request.fieldNames, from: request.from?.date, to: request.to?.date, limit: 10_000)
        return stored.compactMap { entry -> SensorField? in
            let reading = entry.reading
            guard let value = reading.value, let field = device.model.field(named: reading.field) else { return nil }
            var quality: SensorFieldQuality = .automaticReadout
            if reading.flags.contains(.stale) { quality = .stale }
            return SensorField(
                name: reading.field, value: IoTValueConversion.sensorValue(value, of: field), timestamp: reading.time,
                types: .historicalOther, quality: quality)
        }
    }
}
