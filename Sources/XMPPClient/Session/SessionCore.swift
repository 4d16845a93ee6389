import NIOCore
import NIOPosix

/// The state of one session, confined to one event loop: every method runs on it (the
/// public `XMPPSession` hops there). It connects, drives the negotiation, routes
/// stanzas once online, keeps the stream-management ledger across reconnects, and
/// reconnects with backoff.
final class SessionCore: @unchecked Sendable {
    enum Phase {
        case idle
        case connecting(Connection?)
        case negotiating(Connection, StreamNegotiation)
        case online(Connection)
        case waitingToReconnect(Scheduled<Void>, until: NIODeadline)
        case stopping(Connection)
        case stopped
    }

    struct Connection {
        let id: Int
        let endpoint: ClientConfiguration.Endpoint
        let channel: Channel
        let handler: XMPPStreamHandler
    }

    /// A stanza waiting for the session to be online, with the request it belongs to.
    struct Queued {
        var element: XMLElement
        var request: (id: String, to: JID?, promise: EventLoopPromise<IQ>)?
    }

    let configuration: ClientConfiguration
    let eventLoop: EventLoop
    let events: AsyncStream<SessionEvent>.Continuation

    var phase = Phase.idle
    /// Counts calls to `connect`: one server lookup and the endpoints it yields.
    private var connectAttempt = 0
    private var nextConnectionID = 0
    var backoff: ReconnectBackoff
    private var random = SystemRandomNumberGenerator()

    var ledger = StreamManagementLedger()
    var streamManagementEnabled = false
    /// Set while the server keeps our last stream for resumption.
    var resumption: StreamNegotiation.Resumption?
    var ackRequested = false
    /// Online writes of this event-loop tick, and the connection they go to.
    var batch = OutboundBatch()
    var batchConnection: Connection?
    var batchFlushScheduled = false
    /// Sends the `<a/>` owed when no reply came to carry it.
    var ackAnswerTimeout: Scheduled<Void>?
    var offlineQueue: [Queued] = []
    var pending = PendingRequests<EventLoopPromise<IQ>>()
    var timeouts: [String: Scheduled<Void>] = [:]
    var requestHandlers: [RequestKey: RequestResponder] = [:]
    /// The availability to announce again after a fresh (not resumed) stream.
    var presence: Presence?
    /// The presence changed while the session was offline, so a resumed stream, which the
    /// server kept with the old one, must announce it too.
    var presenceChangedOffline = false
    var liveness: LivenessMonitor?
    var livenessTask: RepeatedTask?
    var boundJID: JID?

    init(configuration: ClientConfiguration, eventLoop: EventLoop, events: AsyncStream<SessionEvent>.Continuation) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.events = events
        backoff = configuration.backoff
    }

    // MARK: - Connecting

    func start() {
        guard case .idle = phase else { return }
        connect()
    }

    private func connect() {
        configuration.reconnectSignal.stopWaiting(ObjectIdentifier(self))
        connectAttempt += 1
        let attempt = connectAttempt
        phase = .connecting(nil)
        // Covers the server lookup and every endpoint tried.
        let timeout = configuration.negotiationTimeout
        eventLoop.scheduleTask(in: TimeAmount(timeout)) { [self] in
            guard connectAttempt == attempt else { return }
            switch phase {
            case .connecting, .negotiating: lost(.timedOut("no session within \(timeout) of connecting"))
            default: break
            }
        }
        if let endpoint = configuration.endpoint {
            return connect(to: [endpoint], attempt)
        }
        let domain = configuration.account.domain
        configuration.serverLookup.answers(for: domain, on: eventLoop).whenSuccess { [self] answers in
            guard case .connecting(nil) = phase, connectAttempt == attempt else { return }
            do throws(ServerLookupError) {
                connect(to: try ServerLookup.endpoints(
                    domain: domain, directTLS: answers.directTLS, startTLS: answers.startTLS, using: &random)[...], attempt)
            } catch {
                lost(.serverLookup(error))
            }
        }
    }

    /// Tries the endpoints in order until one accepts the TCP connection.
    private func connect(to endpoints: ArraySlice<ClientConfiguration.Endpoint>, _ attempt: Int) {
        guard let endpoint = endpoints.first else { return }
        nextConnectionID += 1
        let id = nextConnectionID
        let tls = configuration.tls
        let domain = configuration.account.domain
        ClientBootstrap(group: eventLoop)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { [self] channel in
                do {
                    if endpoint.directTLS {
                        try channel.pipeline.syncOperations.addHandler(
                            OpenSSLTLSHandler(clientContext: tls, serverName: domain))
                    }
                    let handler = XMPPStreamHandler(core: self, connectionID: id)
                    try channel.pipeline.syncOperations.addHandler(handler)
                    connecting(Connection(id: id, endpoint: endpoint, channel: channel, handler: handler))
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
            .connect(host: endpoint.host, port: endpoint.port)
            .whenFailure { [self] error in
                guard case .connecting(let connection) = phase, connectAttempt == attempt, connection == nil || connection?.id == id
                else { return }
                guard endpoints.count > 1 else {
                    return lost(.connectionClosed("cannot connect to \(endpoint.host):\(endpoint.port): \(error)"))
                }
                // On to the next SRV target. The state first: closing the failed channel
                // reports it inactive at once, and that must find nothing of it here.
                phase = .connecting(nil)
                connection?.channel.close(promise: nil)
                connect(to: endpoints.dropFirst(), attempt)
            }
    }

    private func connecting(_ connection: Connection) {
        guard case .connecting = phase else { return }
        phase = .connecting(connection)
    }

    func connectionActive(_ id: Int) {
        guard case .connecting(let connection?) = phase, connection.id == id else { return }
        if configuration.allowPlaintext {
            // Only tests may ever see this; say so every time.
            print("warning: session \(configuration.account)/\(configuration.resource) may run WITHOUT TLS (test-only setting)")
        }
        // With Direct TLS the negotiation starts once the handshake is done.
        guard !connection.endpoint.directTLS else { return }
        var negotiation = StreamNegotiation(configuration: configuration.negotiation, resumption: currentResumption)
        let actions = negotiation.start(directTLS: nil)
        phase = .negotiating(connection, negotiation)
        perform(actions, connection)
    }

    func tlsEstablished(_ session: TLSSessionInfo, _ id: Int) {
        switch phase {
        case .connecting(let connection?) where connection.id == id:
            var negotiation = StreamNegotiation(configuration: configuration.negotiation, resumption: currentResumption)
            let actions = negotiation.start(directTLS: session.channelBindings)
            phase = .negotiating(connection, negotiation)
            perform(actions, connection)
        case .negotiating(let connection, var negotiation) where connection.id == id:
            let actions = negotiation.tlsEstablished(channelBindings: session.channelBindings)
            phase = .negotiating(connection, negotiation)
            perform(actions, connection)
        default:
            break
        }
    }

    private var currentResumption: StreamNegotiation.Resumption? {
        guard configuration.streamManagement, var resumption else { return nil }
        resumption.inboundHandled = ledger.inboundHandled
        return resumption
    }

    func received(_ events: [XMLStreamEvent], _ id: Int) {
        for event in events {
            switch phase {
            case .negotiating(let connection, var negotiation) where connection.id == id:
                let actions = negotiation.receive(event)
                if case .negotiating = phase { phase = .negotiating(connection, negotiation) }
                perform(actions, connection)
            case .online(let connection) where connection.id == id:
                liveness?.heard(at: .now)
                receivedOnline(event, connection)
            case .stopping(let connection) where connection.id == id:
                if event == .streamClosed { connection.channel.close(promise: nil) }
            default:
                return
            }
        }
    }

    private func perform(_ actions: [StreamNegotiation.Action], _ connection: Connection) {
        for action in actions {
            switch action {
            case .openStream(let header):
                connection.handler.resetParser()
                write(header, on: connection)
            case .send(let element):
                write(XMLSerializer.clientStream.string(element), on: connection)
            case .deriveKeys(let derivation):
                deriveKeys(derivation, connection)
            case .startTLS:
                do {
                    try connection.channel.pipeline.syncOperations.addHandler(
                        OpenSSLTLSHandler(clientContext: configuration.tls, serverName: configuration.account.domain),
                        position: .before(connection.handler))
                } catch {
                    lost(.tls(.setupFailed(openSSLError: "\(error)")))
                }
            case .established(let established):
                goOnline(established, connection)
            case .fail(let error):
                if case .malformedStream(let streamError) = error {
                    fail(error, sending: streamError.condition, text: streamError.message, on: connection)
                } else {
                    lost(error)
                }
            }
        }
    }

    /// PBKDF2 on the thread pool: the event loop keeps serving the other sessions.
    private func deriveKeys(_ derivation: SCRAMKeyDerivation, _ connection: Connection) {
        configuration.threadPool.runIfActive(eventLoop: eventLoop) { try derivation.run() }
            .whenComplete { [self] result in
                guard case .negotiating(let current, var negotiation) = phase, current.id == connection.id else { return }
                let outcome: Result<SCRAMKeys, CryptoError>
                switch result {
                case .success(let keys): outcome = .success(keys)
                case .failure(let error as CryptoError): outcome = .failure(error)
                case .failure(let error):
                    // Only a thread pool that was shut down gets here.
                    return lost(.connectionClosed("cannot derive the SCRAM keys: \(error)"))
                }
                let actions = negotiation.keysDerived(outcome)
                phase = .negotiating(current, negotiation)
                perform(actions, current)
            }
    }

    // MARK: - Losing the connection

    func connectionFailed(_ error: Error, _ id: Int) {
        guard currentConnection?.id == id else { return }
        if let tlsError = error as? TLSError {
            lost(.tls(tlsError))
        } else {
            lost(.connectionClosed("\(error)"))
        }
    }

    func connectionClosed(_ id: Int) {
        if case .stopping(let connection) = phase, connection.id == id {
            finish(nil)
            return
        }
        guard currentConnection?.id == id else { return }
        lost(.connectionClosed("the connection was closed"))
    }

    var currentConnection: Connection? {
        switch phase {
        case .connecting(let connection): connection
        case .negotiating(let connection, _), .online(let connection), .stopping(let connection): connection
        case .idle, .waitingToReconnect, .stopped: nil
        }
    }

    /// The connection is unusable: close it (unless `closing` is false, when closing it is
    /// already under way), tell the application, and reconnect unless retrying cannot help.
    func lost(_ error: SessionError, closing: Bool = true) {
        let connection = currentConnection
        // Closed last: closing reports the channel inactive at once, re-entering here,
        // and by then the phase must no longer name this connection.
        defer { if closing { connection?.channel.close(promise: nil) } }
        flushBatch()
        livenessTask?.cancel()
        livenessTask = nil
        liveness = nil
        if resumption == nil {
            // Nothing to resume: answers to what was asked on that stream will never come.
            failPendingRequests(.disconnected(error))
        }
        events.yield(.offline(error))
        if error.isPermanent {
            finish(error)
            return
        }
        reconnect(in: TimeAmount(backoff.nextDelay(using: &random)))
        configuration.reconnectSignal.wait(ObjectIdentifier(self)) { [eventLoop, weak self] spread in
            guard let core = self else { return }
            eventLoop.execute { core.retrySoon(within: spread) }
        }
    }

    private func reconnect(in delay: TimeAmount) {
        let scheduled = eventLoop.scheduleTask(in: delay) { [self] in
            guard case .waitingToReconnect = phase else { return }
            connect()
        }
        phase = .waitingToReconnect(scheduled, until: .now() + delay)
    }

    /// Another session of the account got online, so the server is back: the rest of the
    /// wait gives way to a random delay within `spread` where that ends sooner.
    private func retrySoon(within spread: Duration) {
        guard case .waitingToReconnect(let scheduled, let deadline) = phase else { return }
        let delay = TimeAmount.nanoseconds(.random(in: 0...max(0, TimeAmount(spread).nanoseconds), using: &random))
        guard .now() + delay < deadline else { return }
        scheduled.cancel()
        reconnect(in: delay)
    }

    // MARK: - Stopping

    func stop() {
        switch phase {
        case .online(let connection):
            if presence != nil {
                send(Presence(kind: .unavailable).element, on: connection)
            }
            write(StreamHeader.closing, on: connection)
            phase = .stopping(connection)
            // The server answers with its closing tag; do not wait for it forever.
            eventLoop.scheduleTask(in: .seconds(5)) { connection.channel.close(promise: nil) }
        case .connecting(let connection):
            finish(nil)
            connection?.channel.close(promise: nil)
        case .stopping(let connection), .negotiating(let connection, _):
            finish(nil)
            connection.channel.close(promise: nil)
        case .waitingToReconnect(let reconnect, _):
            reconnect.cancel()
            finish(nil)
        case .idle:
            finish(nil)
        case .stopped:
            break
        }
    }

    private func finish(_ error: SessionError?) {
        configuration.reconnectSignal.stopWaiting(ObjectIdentifier(self))
        livenessTask?.cancel()
        livenessTask = nil
        phase = .stopped
        failPendingRequests(.disconnected(error ?? .connectionClosed("the session was stopped")))
        for queued in offlineQueue {
            queued.request?.promise.fail(RequestError.disconnected(error ?? .connectionClosed("the session was stopped")))
        }
        offlineQueue = []
        events.yield(.stopped(error))
        events.finish()
    }

    // MARK: - Writing

    /// Writes at once, after what this tick batched: for the negotiation and the end of a stream.
    func write(_ text: String, on connection: Connection) {
        flushBatch()
        connection.channel.writeAndFlush(ByteBuffer(string: text), promise: nil)
    }

    /// Adds to what goes out, in one write, when this event-loop tick ends.
    func enqueue(_ text: String, on connection: Connection) {
        switchBatch(to: connection)
        batch.append(text)
        guard !batchFlushScheduled else { return }
        batchFlushScheduled = true
        eventLoop.execute { [self] in
            batchFlushScheduled = false
            flushBatch()
        }
    }

    /// The server asked for an ack: it leaves with the next batch, or alone after
    /// `ackAnswerDelay` if nothing is written before.
    func oweAck(on connection: Connection) {
        switchBatch(to: connection)
        batch.ackRequested()
        guard !batchFlushScheduled, ackAnswerTimeout == nil else { return }
        ackAnswerTimeout = eventLoop.scheduleTask(in: Self.ackAnswerDelay) { [self] in
            ackAnswerTimeout = nil
            flushBatch()
        }
    }

    func flushBatch() {
        ackAnswerTimeout?.cancel()
        ackAnswerTimeout = nil
        guard let connection = batchConnection, let text = batch.take(handled: ledger.inboundHandled) else { return }
        connection.channel.writeAndFlush(ByteBuffer(string: text), promise: nil)
    }

    /// What was batched for an earlier connection goes to that one.
    private func switchBatch(to connection: Connection) {
        if let previous = batchConnection, previous.id != connection.id { flushBatch() }
        batchConnection = connection
    }

    /// Ends the stream with a stream error, then loses the connection with `error`.
    ///
    /// Our side is shut after the error (RFC 6120 §4.4), but the connection is only closed
    /// once the server closes its side or `streamErrorLinger` has passed: closing at once,
    /// with the server's next bytes still unread, makes the kernel answer with a reset, and a
    /// reset can destroy the error before the server has read it. What arrives meanwhile
    /// goes to a connection the session no longer uses, and is dropped.
    func fail(_ error: SessionError, sending condition: StreamErrorCondition, text: String,
              applicationCondition: XMLElement? = nil, on connection: Connection) {
        sendStreamError(condition, text: text, applicationCondition: applicationCondition, on: connection)
        connection.channel.close(mode: .output, promise: nil)
        eventLoop.scheduleTask(in: Self.streamErrorLinger) { connection.channel.close(promise: nil) }
        lost(error, closing: false)
    }

    private func sendStreamError(_ condition: StreamErrorCondition, text: String, applicationCondition: XMLElement?, on connection: Connection) {
        var children: [XMLNode] = [
            .element(XMLElement(condition.rawValue, namespace: XMLNamespace.streamErrors)),
            .element(XMLElement("text", namespace: XMLNamespace.streamErrors, children: [.text(text)])),
        ]
        if let applicationCondition { children.append(.element(applicationCondition)) }
        write(XMLSerializer.clientStream.string(XMLElement("error", namespace: XMLNamespace.streams, children: children))
              + StreamHeader.closing, on: connection)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
