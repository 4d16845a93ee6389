import Drivers
import XMPPClient
import XMPPIoT

/// Answers the short command language people type in any chat client, with the same access
/// rules and checks as XEP-0325 and the ad-hoc commands.
struct ChatService: Sendable {
    let directory: DeviceDirectory
    let services: GatewayServices

    /// The reply to `text` from `sender`; `device` is the resource the message was sent to
    /// (`nil` for the hub), which `status` alone then means.
    func reply(to text: String, from sender: JID, device: String?) async -> String {
        guard services.access.shouldApproveSubscription(from: sender) else {
            services.logger.warning("refused chat command by \(sender): not authorized")
            return ChatReply.refusal
        }
        let now = ContinuousClock.now
        let vocabulary = await directory.vocabulary(at: now)
        let command: ChatCommand
        do {
            command = try ChatCommandParser(vocabulary: vocabulary).parse(text, addressedTo: device)
        } catch {
            return error.description
        }
        switch command {
        case .help:
            return ChatReply.help(vocabulary)
        case .list:
            let readable = vocabulary.devices.filter { services.access.mayRead(sender, device: $0.id) }
            return ChatReply.list(ChatVocabulary(devices: readable))
        case let .status(id):
            let ids = id.map { [$0] } ?? device.map { [$0] } ?? directory.devices.map(\.id)
            var lines: [String] = []
            for id in ids where services.access.mayRead(sender, device: id) {
                lines.append(await status(of: id, field: nil, at: now))
            }
            return lines.isEmpty ? ChatReply.refusal : lines.joined(separator: "\n")
        case let .get(id, field):
            if services.refusal(of: .read, by: sender, device: id) != nil { return ChatReply.refusal }
            return await status(of: id, field: field, at: now)
        case let .set(id, setting):
            return await set(setting, on: id, by: sender, vocabulary: vocabulary)
        }
    }

    private func status(of id: String, field: String?, at now: ContinuousClock.Instant) async -> String {
        guard let device = directory.device(id: id) else { return "There is no device \(id)." }
        let snapshot = await device.snapshot(at: now)
        let fields = snapshot.fields
            .filter { field == nil || $0.field.name == field }
            .compactMap { IoTValueConversion.sensorField($0, writable: false) }
        var line = field != nil && fields.count == 1
            ? "\(id): " + ChatReply.field(fields[0])
            : ChatReply.status(deviceName: id, fields: fields)
        if let problem = snapshot.health.problem { line += " — \(problem)" }
        return line
    }

    private func set(_ setting: ControlSetting, on id: String, by sender: JID, vocabulary: ChatVocabulary) async -> String {
        guard let device = directory.device(id: id) else { return "There is no device \(id)." }
        if services.refusal(of: .control, by: sender, device: id) != nil {
            return "Sorry, you may not change \(id)."
        }
        guard services.withinControlRate(sender) else { return "Too many changes at once; try again in a moment." }
        do {
            try await device.set(setting.name, to: IoTValueConversion.fieldValue(setting.value))
        } catch {
            return "\(id): \(error)"
        }
        services.logger.info("\(sender) set \(id) \(setting.name) to \(setting.value.lexical) by chat")
        let parameter = vocabulary.devices.first { $0.id == id }?.parameters.first { $0.name == setting.name }
        return parameter.map { ChatReply.applied(deviceName: id, setting: setting, parameter: $0) }
            ?? "\(id): \(setting.name) set to \(setting.value.lexical)."
    }
}
