import Drivers
import FoundationEssentials
import XMPPClient
import XMPPIoT

/// How one device answers what reaches its session: XEP-0323 readouts, XEP-0325 control,
/// XEP-0050 commands, disco, version and time requests, and messages (control, readouts,
/// chat). Everything is checked against the access policy before the device is touched.
struct DeviceRequests: Sendable {
    let device: any GatewayDevice
    let directory: DeviceDirectory
    let services: GatewayServices
    let commands: AdHocCommands
    let queued = QueuedReadouts()
    /// Sends a stanza on the device's session (for readouts that start later).
    let send: @Sendable (XMLElement) -> Void

    var readout: DeviceReadout { DeviceReadout(device: device, history: services.history) }

    func answer(_ iq: IQ, account: JID) async -> RequestAnswer {
        let (sender, request): (JID, IoTRequest)
        switch IncomingRequest.read(iq) {
        case let .success(incoming): (sender, request) = incoming
        case let .failure(error): return RequestAnswer(iq.error(error.stanzaError))
        }
        switch request {
        case let .readout(readoutRequest):
            return await answerReadout(readoutRequest, iq: iq, from: sender)
        case let .cancelReadout(seqnr):
            _ = queued.cancel("\(sender)#\(seqnr)")
            return RequestAnswer(iq.result(SensorDataResponse.cancelled(seqnr)))
        case let .controlSet(setRequest):
            return RequestAnswer(await answerControl(setRequest, iq: iq, from: sender))
        case .controlForm:
            if let refusal = services.refusal(of: .control, by: sender, device: device.id) {
                return RequestAnswer(iq.error(IoTRequestError.forbidden(refusal.reply).stanzaError))
            }
            let snapshot = await device.snapshot(at: .now)
            let form = ControlForm.form(parameters: IoTValueConversion.controlParameters(of: device.model, snapshot: snapshot))
            return RequestAnswer(iq.result(form.element))
        case let .command(command):
            switch await commands.run(command, device: device.id, from: sender) {
            case let .success(answer): return RequestAnswer(iq.result(answer.element))
            case let .failure(error): return RequestAnswer(iq.error(error.stanzaError))
            }
        case let .discoInfo(node):
            return RequestAnswer(iq.result(DeviceIdentity.info(of: device.model, node: node).element))
        case let .discoItems(node):
            let list = node == IoTNamespace.commands
                ? commands.list(at: iq.to ?? account, device: device.id, for: sender).element
                : DiscoItems(node: node, items: []).element
            return RequestAnswer(iq.result(list))
        }
    }

    /// Messages: control and readouts by message, and chat commands. Returns the replies.
    func handle(_ message: Message) async -> [XMLElement] {
        guard let sender = message.from else { return [] }
        let classified: IoTMessage?
        do {
            classified = try IoTMessage(message: message)
        } catch {
            services.logger.notice("ignored a malformed message from \(sender): \(error)")
            return []
        }
        switch classified {
        case let .readout(request)?:
            guard services.refusal(of: .read, by: sender, device: device.id) == nil else { return [] }
            return await readout.messages(for: request, to: sender, now: .now)
        case let .controlSet(request, delay)?:
            if let delay, delay.isOlder(than: services.maximumControlDelay, now: services.wallClock()) {
                services.logger.warning("dropped a control message from \(sender) stored by the server since \(delay.stamp)")
                return []
            }
            _ = await applyControl(request, from: sender)
            return []
        case let .chat(text, delay)?:
            if delay != nil { return [] }  // a command typed hours ago is not what anyone wants now
            let reply = await ChatService(directory: directory, services: services).reply(to: text, from: sender, device: device.id)
            return [Message(kind: message.kind == .chat ? .chat : .normal, to: sender, body: reply, thread: message.thread).element]
        case .pubsubEvent?, nil:
            return []
        }
    }

    private func answerReadout(_ request: SensorDataRequest, iq: IQ, from sender: JID) async -> RequestAnswer {
        if let refusal = services.refusal(of: .read, by: sender, device: device.id) {
            return RequestAnswer(SensorDataResponse.rejection(
                answering: iq, seqnr: request.seqnr, error: .forbidden(refusal.reply), dialect: request.dialect))
        }
        let unknown = request.unknownNodeIds(served: [device.id])
        if !unknown.isEmpty {
            return RequestAnswer(SensorDataResponse.rejection(
                answering: iq, seqnr: request.seqnr, error: .itemNotFound("Unknown node \(unknown[0])."), dialect: request.dialect))
        }
        let now = services.wallClock()
        guard request.isQueued(now: now), let when = request.when?.date else {
            let messages = await readout.messages(for: request, to: sender, now: .now)
            return RequestAnswer(iq.result(SensorDataResponse.accepted(request.seqnr)), followUps: messages)
        }
        let key = "\(sender)#\(request.seqnr)"
        let wait = Duration.milliseconds(Int64(when.timeIntervalSince(now) * 1000))
        let task = Task { [readout, queued, send] in
            try? await Task.sleep(for: wait)
            guard !Task.isCancelled else { return }
            queued.finished(key)
            send(Message(to: sender, payloads: [SensorDataResponse.started(request.seqnr)]).element)
            for message in await readout.messages(for: request, to: sender, now: .now) { send(message) }
        }
        queued.add(key, task)
        return RequestAnswer(iq.result(SensorDataResponse.accepted(request.seqnr, queued: true)))
    }

    /// Control answers always carry the older `<setResponse responseCode>` beside the
    /// standard shape: conformant clients ignore it, and slixmpp, whose requests cannot be
    /// told apart from others, understands nothing else.
    private func answerControl(_ request: ControlSetRequest, iq: IQ, from sender: JID) async -> IQ {
        switch await applyControl(request, from: sender) {
        case nil:
            return iq.result(ControlSetResponse.success(dialect: .slixmpp, parameterNames: request.settings.map(\.name)))
        case let error?:
            return ControlSetResponse.failure(answering: iq, error: error, dialect: .slixmpp)
        }
    }

    /// Checks and applies every setting in order, all or nothing as far as checks go;
    /// `nil` on success.
    private func applyControl(_ request: ControlSetRequest, from sender: JID) async -> IoTRequestError? {
        if let refusal = services.refusal(of: .control, by: sender, device: device.id) {
            return .forbidden(refusal.reply)
        }
        let unknown = request.unknownNodeIds(served: [device.id])
        if !unknown.isEmpty { return .itemNotFound("Unknown node \(unknown[0]).") }
        guard services.withinControlRate(sender) else {
            return IoTRequestError(.resourceConstraint, "Too many control requests; try again in a moment.")
        }
        let snapshot = await device.snapshot(at: .now)
        let settings: [ControlSetting]
        do {
            settings = try request.validated(against: IoTValueConversion.controlParameters(of: device.model, snapshot: snapshot))
        } catch {
            return error.requestError
        }
        for setting in settings {
            do {
                try await device.set(setting.name, to: IoTValueConversion.fieldValue(setting.value))
            } catch {
                return IoTValueConversion.parameterError(error).requestError
            }
            services.logger.info("\(sender) set \(device.id) \(setting.name) to \(setting.value.lexical)")
        }
        return nil
    }
}
