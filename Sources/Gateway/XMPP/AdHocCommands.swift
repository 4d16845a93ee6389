import Drivers
import FoundationEssentials
import Synchronization
import XMPPClient
import XMPPIoT

/// The XEP-0050 commands, for clients that run forms but know nothing of XEP-0325 (Gajim,
/// Psi, Profanity, Cheogram): *Status* (single stage), *Set parameters* (a form from the
/// device model with the current values) and, where a device has a mode, *Change mode*.
/// They apply the same access rules and checks as every other way in.
final class AdHocCommands: Sendable {
    static let status = "status"
    static let setParameters = "set-parameters"
    static let changeMode = "change-mode"

    let directory: DeviceDirectory
    let services: GatewayServices
    /// Shared by every device's and the hub's commands.
    let sessions: Mutex<AdHocSessions>

    init(directory: DeviceDirectory, services: GatewayServices) {
        self.directory = directory
        self.services = services
        sessions = Mutex(AdHocSessions())
    }

    /// The commands `requester` may run on the device `deviceId` (`nil`: the hub, whose
    /// *Status* covers every device), as disco#items entries at `jid`.
    func list(at jid: JID, device deviceId: String?, for requester: JID) -> AdHocCommandList {
        let ids = deviceId.map { [$0] } ?? directory.devices.map(\.id)
        guard ids.contains(where: { services.access.mayRead(requester, device: $0) }) else { return AdHocCommandList(items: []) }
        var items = [AdHocCommandList.Item(jid: jid, node: Self.status, name: "Status")]
        if let deviceId, let device = directory.device(id: deviceId), services.access.mayControl(requester, device: deviceId) {
            if device.model.parameters.contains(where: \.isWritable) {
                items.append(.init(jid: jid, node: Self.setParameters, name: "Set parameters"))
            }
            if modeParameters(of: device.model).isEmpty == false {
                items.append(.init(jid: jid, node: Self.changeMode, name: "Change mode/preset"))
            }
        }
        return AdHocCommandList(items: items)
    }

    /// The answer to one command request to the device `deviceId` (`nil`: the hub).
    func run(_ command: AdHocCommand, device deviceId: String?, from sender: JID) async -> Result<AdHocCommand, IoTRequestError> {
        let now = services.wallClock()
        if command.requestedAction == .cancel {
            if let id = command.sessionId { sessions.withLock { $0.close(id: id) } }
            return .success(.canceled(node: command.node, sessionId: command.sessionId))
        }
        switch command.node {
        case Self.status:
            return await status(command, device: deviceId, from: sender, at: now)
        case Self.setParameters, Self.changeMode:
            guard let deviceId, let device = directory.device(id: deviceId) else {
                return .failure(.itemNotFound("Run \(command.node) on a device's own address."))
            }
            if services.refusal(of: .control, by: sender, device: deviceId) != nil {
                return .failure(.forbidden("You may not change \(deviceId)."))
            }
            return await form(command, device: device, from: sender, at: now)
        default:
            return .failure(.itemNotFound("There is no command \(command.node)."))
        }
    }

    private func status(_ command: AdHocCommand, device deviceId: String?, from sender: JID, at now: Date)
        async -> Result<AdHocCommand, IoTRequestError>
    {
        let ids = (deviceId.map { [$0] } ?? directory.devices.map(\.id)).filter { services.access.mayRead(sender, device: $0) }
        guard !ids.isEmpty else { return .failure(.forbidden("You may not read this gateway.")) }
        var fields: [DataFormField] = []
        var notes: [AdHocNote] = []
        for id in ids {
            guard let device = directory.device(id: id) else { continue }
            let snapshot = await device.snapshot(at: .now)
            for state in snapshot.fields {
                guard let field = IoTValueConversion.sensorField(state, writable: false) else { continue }
                let label = ids.count > 1 ? "\(id) \(field.name)" : field.name
                fields.append(DataFormField(variable: "\(id).\(field.name)", type: .textSingle, label: label,
                                            values: [field.value.humanText + (field.quality.contains(.warning) ? " (stale)" : "")]))
            }
            if let problem = snapshot.health.problem { notes.append(AdHocNote(.warn, "\(id): \(problem)")) }
        }
        let result = DataForm(type: .result, title: deviceId.map { "Status of \($0)" } ?? "Gateway status", fields: fields)
        return .success(.completed(node: command.node, sessionId: command.sessionId, notes: notes, form: result))
    }

    private func form(_ command: AdHocCommand, device: any GatewayDevice, from sender: JID, at now: Date)
        async -> Result<AdHocCommand, IoTRequestError>
    {
        let snapshot = await device.snapshot(at: .now)
        var parameters = IoTValueConversion.controlParameters(of: device.model, snapshot: snapshot).filter(\.writable)
        if command.node == Self.changeMode {
            let names = Set(modeParameters(of: device.model))
            parameters = parameters.filter { names.contains($0.name) }
        }
        guard let submitted = command.form, let sessionId = command.sessionId else {
            let id = String(UInt64.random(in: 1...UInt64.max), radix: 36)
            sessions.withLock { sessions in
                sessions.removeExpired(now: now)
                sessions.open(id: id, node: command.node, requester: sender, now: now)
            }
            let title = command.node == Self.changeMode ? "Change mode of \(device.id)" : "Set parameters of \(device.id)"
            return .success(.formStage(node: command.node, sessionId: id, form: ControlForm.form(parameters: parameters, title: title)))
        }
        do {
            try sessions.withLock { sessions throws(AdHocCommandError) in
                try sessions.resume(id: sessionId, node: command.node, requester: sender, now: now)
                sessions.close(id: sessionId)
            }
        } catch {
            return .failure(error.requestError)
        }
        guard services.withinControlRate(sender) else {
            return .failure(IoTRequestError(.resourceConstraint, "Too many changes at once; try again in a moment."))
        }
        let settings: [ControlSetting]
        do {
            settings = try ControlForm.settings(from: submitted, parameters: parameters)
        } catch {
            return .failure(AdHocCommandError.badPayload(error.description).requestError)
        }
        var applied: [String] = []
        for setting in settings where parameters.first(where: { $0.name == setting.name })?.currentValue != setting.value {
            do {
                try await device.set(setting.name, to: IoTValueConversion.fieldValue(setting.value))
                applied.append("\(setting.name) = \(setting.value.lexical)")
            } catch {
                return .success(.completed(node: command.node, sessionId: sessionId, notes: [AdHocNote(.error, error.description)]))
            }
        }
        services.logger.info("\(sender) ran \(command.node) on \(device.id): \(applied.joined(separator: ", "))")
        let note = applied.isEmpty ? "Nothing changed." : "Set " + applied.joined(separator: ", ") + "."
        return .success(.completed(node: command.node, sessionId: sessionId, notes: [AdHocNote(.info, note)]))
    }

    /// The writable enum parameters named like a mode or preset.
    private func modeParameters(of model: DeviceModel) -> [String] {
        model.parameters.filter { $0.isWritable && $0.type == .enum && ["mode", "preset"].contains($0.name) }.map(\.name)
    }
}
