import NIOCore

/// Answers to incoming IQ requests: a payload for the result, or an error.
public typealias RequestHandler = @Sendable (IQ) async -> Result<XMLElement?, StanzaError>

/// Answers to incoming IQ requests built whole, for replies a `RequestHandler` cannot express:
/// an error IQ that carries an application payload beside its `<error>`, or stanzas that
/// must follow the reply (XEP-0323 sends readout messages after the IQ result).
public typealias RequestResponder = @Sendable (IQ) async -> RequestAnswer

struct RequestKey: Hashable {
    var name: String
    var namespace: String
}

extension SessionCore {
    static let pingNamespace = "urn:xmpp:ping"
    static let ackEvery = 5
    /// How long the answer to the server's `<r/>` may wait for a reply to carry it.
    static let ackAnswerDelay = TimeAmount.milliseconds(20)
    /// How long a connection ended by our stream error waits for the server to close its side.
    static let streamErrorLinger = TimeAmount.seconds(2)

    func goOnline(_ established: SessionEstablished, _ connection: Connection) {
        phase = .online(connection)
        boundJID = established.jid
        backoff.reset()
        var resumed = false
        switch established.streamManagement {
        case .resumed(let h):
            do {
                try ledger.acknowledge(h)
            } catch {
                return violated(error, on: connection)
            }
            // The server kept our session: send again only what it did not get.
            resumed = true
            for element in ledger.takeUnacknowledged() { send(element, on: connection) }
        case .enabled(let resumptionID, _):
            startFreshStream(established)
            streamManagementEnabled = true
            resumption = resumptionID.map { StreamNegotiation.Resumption(id: $0, inboundHandled: 0) }
        case .unavailable:
            startFreshStream(established)
            streamManagementEnabled = false
            resumption = nil
        }
        if let presence, !resumed || presenceChangedOffline {
            send(presence.element, on: connection)
        }
        presenceChangedOffline = false
        let queued = offlineQueue
        offlineQueue = []
        for item in queued { send(item, on: connection) }
        startLivenessChecks(connection)
        configuration.reconnectSignal.reachable()
        events.yield(.online(established))
    }

    /// A new stream: what the old one left unacknowledged may be lost, and answers to
    /// requests sent on it will never come.
    private func startFreshStream(_ established: SessionEstablished) {
        if let h = established.failedResumption?.h { _ = try? ledger.acknowledge(h) }
        let unacknowledged = ledger.takeUnacknowledged()
        ledger = StreamManagementLedger()
        ackRequested = false
        if established.failedResumption != nil {
            failPendingRequests(.disconnected(.connectionClosed("the server could not resume the stream")))
        }
        if !unacknowledged.isEmpty { events.yield(.unacknowledged(unacknowledged)) }
    }

    // MARK: - Receiving

    func receivedOnline(_ event: XMLStreamEvent, _ connection: Connection) {
        switch event {
        case .stanza(let element) where element.namespace == StreamFeatures.streamManagementNamespace:
            receivedStreamManagement(element, connection)
        case .stanza(let element) where element.name == "error" && element.namespace == XMLNamespace.streams:
            let condition = element.elements.first { $0.namespace == XMLNamespace.streamErrors && $0.name != "text" }
            lost(.streamError(
                condition: condition.flatMap { StreamErrorCondition(rawValue: $0.name) } ?? .undefinedCondition,
                text: element.element("text", namespace: XMLNamespace.streamErrors)?.text))
        case .stanza(let element):
            if streamManagementEnabled { ledger.didHandleInbound() }
            receivedStanza(element, connection)
        case .streamClosed:
            write(StreamHeader.closing, on: connection)
            lost(.connectionClosed("the server closed the stream"))
        case .failed(let error):
            fail(.malformedStream(error), sending: error.condition, text: error.message, on: connection)
        case .streamOpened:
            lost(.unexpected("a second stream header"))
        }
    }

    private func receivedStreamManagement(_ element: XMLElement, _ connection: Connection) {
        switch element.name {
        case "r":
            oweAck(on: connection)
        case "a":
            guard let h = element.attribute("h").flatMap({ UInt32($0) }) else { return }
            do {
                try ledger.acknowledge(h)
                ackRequested = false
            } catch {
                violated(error, on: connection)
            }
        default:
            break
        }
    }

    private func violated(_ error: StreamManagementError, on connection: Connection) {
        resumption = nil
        fail(.unexpected(error.description), sending: .undefinedCondition, text: error.description,
             applicationCondition: error.element, on: connection)
    }

    private func receivedStanza(_ element: XMLElement, _ connection: Connection) {
        let stanza: Stanza
        do {
            stanza = try Stanza(element)
        } catch {
            // A request we cannot read still deserves an answer.
            if element.name == "iq", let id = element.attribute("id"), ["get", "set"].contains(element.attribute("type")) {
                let to = element.attribute("from").flatMap { try? JID($0) }
                send(IQ(kind: .error, id: id, to: to, error: error.stanzaError).element, on: connection)
            }
            return
        }
        switch stanza {
        case .iq(let iq) where iq.kind == .result || iq.kind == .error:
            answered(iq)
        case .iq(let iq):
            requested(iq, connection)
        case .message(let message):
            events.yield(.message(message))
        case .presence(let presence) where presence.kind == .subscribe:
            if let from = presence.from { events.yield(.subscriptionRequest(from: from.bare)) }
        case .presence(let presence):
            events.yield(.presence(presence))
        }
    }

    private func requested(_ iq: IQ, _ connection: Connection) {
        guard let payload = iq.payload else { return }
        if payload.name == "ping", payload.namespace == Self.pingNamespace {
            return send(iq.result().element, on: connection)
        }
        if payload.name == "query", payload.namespace == RosterItem.namespace, iq.kind == .set,
           iq.from == nil || iq.from == boundJID?.bare {
            for item in payload.elements.compactMap(RosterItem.init) { events.yield(.rosterPush(item)) }
            return send(iq.result().element, on: connection)
        }
        guard let responder = requestHandlers[RequestKey(name: payload.name, namespace: payload.namespace)] else {
            return send(iq.error(StanzaError(.serviceUnavailable)).element, on: connection)
        }
        Task { [self] in
            let answer = await responder(iq)
            eventLoop.execute {
                self.send(answer.reply.element, request: nil)
                for stanza in answer.followUps { self.send(stanza, request: nil) }
            }
        }
    }

    private func answered(_ iq: IQ) {
        guard let account = boundJID, let promise = pending.take(answer: iq, account: account) else { return }
        timeouts.removeValue(forKey: iq.id)?.cancel()
        if let error = iq.error, iq.kind == .error {
            promise.fail(RequestError.stanzaError(error))
        } else {
            promise.succeed(iq)
        }
    }

    // MARK: - Sending

    /// Shows `newPresence` now when online. Offline, only the newest is kept and announced
    /// once the session is back: a device that reconnects after a long outage does not replay
    /// every state it went through meanwhile to its subscribers and sibling resources.
    func announce(_ newPresence: Presence) {
        presence = newPresence
        guard case .online(let connection) = phase else {
            presenceChangedOffline = true
            return
        }
        send(newPresence.element, on: connection)
    }

    /// Sends now when online, otherwise keeps it for when the session is back.
    func send(_ element: XMLElement, request: (id: String, to: JID?, promise: EventLoopPromise<IQ>)?) {
        let queued = Queued(element: element, request: request)
        guard case .online(let connection) = phase else {
            if case .stopped = phase {
                request?.promise.fail(RequestError.disconnected(.connectionClosed("the session is stopped")))
                return
            }
            offlineQueue.append(queued)
            if offlineQueue.count > configuration.offlineQueueLimit {
                let dropped = offlineQueue.removeFirst()
                dropped.request?.promise.fail(RequestError.disconnected(.connectionClosed("dropped from a full offline queue")))
            }
            return
        }
        send(queued, on: connection)
    }

    private func send(_ queued: Queued, on connection: Connection) {
        if let request = queued.request {
            pending.register(id: request.id, to: request.to, waiter: request.promise)
            let timeout = configuration.requestTimeout
            timeouts[request.id] = eventLoop.scheduleTask(in: TimeAmount(timeout)) { [self] in
                timeouts[request.id] = nil
                pending.take(id: request.id)?.fail(RequestError.timedOut(timeout))
            }
        }
        send(queued.element, on: connection)
    }

    func send(_ element: XMLElement, on connection: Connection) {
        var text = XMLSerializer.clientStream.string(element)
        if streamManagementEnabled {
            ledger.didSend(element)
            if !ackRequested, ledger.unacknowledged.count >= Self.ackEvery {
                ackRequested = true
                text += "<r xmlns='\(StreamFeatures.streamManagementNamespace)'/>"
            }
        }
        enqueue(text, on: connection)
    }

    func failPendingRequests(_ error: RequestError) {
        for (_, task) in timeouts { task.cancel() }
        timeouts = [:]
        for promise in pending.takeAll() { promise.fail(error) }
    }

    // MARK: - Liveness

    private func startLivenessChecks(_ connection: Connection) {
        livenessTask?.cancel()
        liveness = LivenessMonitor(pingAfter: configuration.pingAfter, deadAfter: configuration.deadAfter, now: .now)
        let interval = TimeAmount(min(configuration.pingAfter, configuration.deadAfter) / 4)
        livenessTask = eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { [self] _ in
            guard case .online(let current) = phase, current.id == connection.id, var monitor = liveness else { return }
            let verdict = monitor.check(at: .now)
            liveness = monitor
            switch verdict {
            case .alive:
                break
            case .ping:
                // Any answer proves the path; XEP-0198's <r/> costs less than an IQ.
                if streamManagementEnabled {
                    enqueue("<r xmlns='\(StreamFeatures.streamManagementNamespace)'/>", on: connection)
                } else {
                    let ping = IQ(kind: .get, id: pending.makeID(), to: try? JID(configuration.account.domain),
                                  payload: XMLElement("ping", namespace: Self.pingNamespace))
                    enqueue(XMLSerializer.clientStream.string(ping.element), on: connection)
                }
            case .dead:
                lost(.timedOut("no data from the server for \(configuration.deadAfter)"))
            }
        }
    }
}
