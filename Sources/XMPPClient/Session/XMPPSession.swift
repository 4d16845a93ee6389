import NIOCore

/// One XMPP client session: a JID resource that stays online — it connects, negotiates
/// TLS and SASL, binds, enables stream management, and reconnects with backoff (resuming
/// the stream where the server allows) until stopped. Many sessions share one event loop.
///
/// Everything it hears arrives in order on `events`; stanzas sent while offline are kept
/// and sent once the session is back.
public final class XMPPSession: Sendable {
    public let events: AsyncStream<SessionEvent>
    public let eventLoop: EventLoop
    let core: SessionCore

    public init(configuration: ClientConfiguration, eventLoop: EventLoop) {
        let (events, continuation) = AsyncStream<SessionEvent>.makeStream(bufferingPolicy: .unbounded)
        self.events = events
        self.eventLoop = eventLoop
        core = SessionCore(configuration: configuration, eventLoop: eventLoop, events: continuation)
    }

    public var configuration: ClientConfiguration { core.configuration }

    /// Connects and keeps the session online until `stop`.
    public func start() {
        eventLoop.execute { self.core.start() }
    }

    /// Says goodbye (unavailable presence, closing tag) and closes; `events` then ends.
    public func stop() {
        eventLoop.execute { self.core.stop() }
    }

    public func send(_ stanza: Stanza) {
        send(stanza.element)
    }

    /// Sends an element as is: for stanzas built by hand or extension nonzas.
    public func send(_ element: XMLElement) {
        eventLoop.execute { self.core.send(element, request: nil) }
    }

    /// Sends `iq` (a get or set; its id is assigned here) and returns the result.
    /// Throws ``RequestError``.
    public func request(_ iq: IQ) async throws -> IQ {
        let promise = eventLoop.makePromise(of: IQ.self)
        eventLoop.execute {
            var request = iq
            request.id = self.core.pending.makeID()
            self.core.send(request.element, request: (request.id, request.to, promise))
        }
        return try await promise.futureResult.get()
    }

    /// Announces availability now (or, offline, once back: only the newest) and again after
    /// every fresh stream.
    public func setPresence(_ presence: Presence) {
        eventLoop.execute { self.core.announce(presence) }
    }

    /// Answers incoming `get`/`set` requests whose payload is `<name xmlns=namespace>`.
    /// Requests nobody handles are answered `service-unavailable`; pings are answered.
    public func handleRequests(named name: String, namespace: String, _ handler: @escaping RequestHandler) {
        respondToRequests(named: name, namespace: namespace) { iq in
            switch await handler(iq) {
            case .success(let payload): RequestAnswer(iq.result(payload))
            case .failure(let error): RequestAnswer(iq.error(error))
            }
        }
    }

    /// Like ``handleRequests(named:namespace:_:)``, for responders that build the whole reply.
    public func respondToRequests(named name: String, namespace: String, _ responder: @escaping RequestResponder) {
        eventLoop.execute { self.core.requestHandlers[RequestKey(name: name, namespace: namespace)] = responder }
    }

    /// Fetches the roster (RFC 6121 §2.1.3).
    public func fetchRoster() async throws -> [RosterItem] {
        let result = try await request(IQ(kind: .get, id: "", payload: XMLElement("query", namespace: RosterItem.namespace)))
        return result.payload?.elements.compactMap(RosterItem.init) ?? []
    }

    /// Accepts or refuses a ``SessionEvent/subscriptionRequest(from:)``.
    public func answerSubscription(from jid: JID, approve: Bool) {
        send(.presence(Presence(kind: approve ? .subscribed : .unsubscribed, to: jid.bare)))
    }

    /// Asks to see `jid`'s presence.
    public func subscribe(to jid: JID) {
        send(.presence(Presence(kind: .subscribe, to: jid.bare)))
    }
}
