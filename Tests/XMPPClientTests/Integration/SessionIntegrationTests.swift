import Foundation
import NIOPosix
import Synchronization
import Testing
@testable import XMPPClient

/// Our sessions against a real Prosody over real TLS, with the test CA as the only trust
/// anchor. Each test uses its own resources so tests can run side by side.
@Suite(.enabled(if: TestServer.shared != nil, TestServer.skipReason))
struct SessionIntegrationTests {
    let server = TestServer.shared!

    private func online(_ user: String, _ resource: String, maximumTLS: TLSProtocolVersion? = nil,
                        directTLS: Bool = false) async throws -> (XMPPSession, EventLog, SessionEstablished) {
        let session = XMPPSession(
            configuration: try server.configuration(user, resource: resource, maximumTLS: maximumTLS, directTLS: directTLS),
            eventLoop: testEventLoop)
        let log = EventLog(session)
        session.start()
        let established = try #require(try await log.first("\(user)/\(resource) online") { $0.isOnline }.established)
        return (session, log, established)
    }

    @Test func logsInBindsAndAnswersRequestsBetweenTwoSessions() async throws {
        let (gateway, gatewayLog, gatewayOnline) = try await online("gw", "iq-\(UUID().uuidString.prefix(8))")
        let (alice, _, aliceOnline) = try await online("alice", "iq-\(UUID().uuidString.prefix(8))")
        defer { gateway.stop(); alice.stop() }
        #expect(gatewayOnline.jid.bare == (try JID("gw@iot.test")))
        #expect(!gatewayOnline.resourceChanged)
        guard case .enabled(let resumptionID?, _) = gatewayOnline.streamManagement else {
            Issue.record("stream management not enabled with resumption: \(gatewayOnline.streamManagement)")
            return
        }
        #expect(!resumptionID.isEmpty)

        gateway.handleRequests(named: "ping", namespace: "urn:example:bench") { request in
            .success(XMLElement("pong", namespace: "urn:example:bench", attributes: ["n": request.payload?.attribute("n") ?? ""]))
        }
        let answer = try await alice.request(IQ(kind: .get, id: "", to: gatewayOnline.jid,
                                                payload: XMLElement("ping", namespace: "urn:example:bench", attributes: ["n": "7"])))
        #expect(answer.payload?.name == "pong" && answer.payload?.attribute("n") == "7")

        await #expect(throws: RequestError.stanzaError(StanzaError(.serviceUnavailable, kind: .cancel))) {
            _ = try await alice.request(IQ(kind: .get, id: "", to: gatewayOnline.jid, payload: XMLElement("nobody", namespace: "urn:example:none")))
        }

        alice.send(.presence(Presence(to: gatewayOnline.jid, show: .chat, status: "here")))
        let presence = try await gatewayLog.first("alice's directed presence") {
            if case .presence(let presence) = $0 { presence.from == aliceOnline.jid && presence.status == "here" } else { false }
        }
        guard case .presence(let received) = presence else { return }
        #expect(received.show == .chat)
    }

    @Test func bindsTheTLSChannelToTheLoginOnTLS12() async throws {
        let (session, _, established) = try await online("bob", "cb-\(UUID().uuidString.prefix(8))", maximumTLS: .tls1_2)
        defer { session.stop() }
        // Prosody 0.12 offers SCRAM-SHA-1-PLUS with tls-unique on TLS 1.2 only.
        #expect(established.mechanism == .scramSHA1Plus)
    }

    @Test func usesSCRAMWithoutBindingOnTLS13() async throws {
        let (session, _, established) = try await online("bob", "tls13-\(UUID().uuidString.prefix(8))")
        defer { session.stop() }
        #expect(established.mechanism == .scramSHA1)
    }

    @Test func connectsWithDirectTLS() async throws {
        let (session, _, established) = try await online("bob", "direct-\(UUID().uuidString.prefix(8))", directTLS: true)
        defer { session.stop() }
        #expect(established.jid.resource?.hasPrefix("direct-") == true)
    }

    @Test func stopsForGoodOnAWrongPassword() async throws {
        var configuration = try server.configuration("alice", resource: "wrong")
        configuration.password = "not-the-password"
        let session = XMPPSession(configuration: configuration, eventLoop: testEventLoop)
        let log = EventLog(session)
        session.start()
        let stopped = try await log.first("stopped") { if case .stopped = $0 { true } else { false } }
        guard case .stopped(.authenticationFailed(let condition, _)?) = stopped else {
            Issue.record("expected a refused login, got \(stopped)")
            return
        }
        #expect(condition == "not-authorized")
        let offline = await log.all.compactMap(\.offlineError)
        #expect(offline.count == 1, "\(offline)")
    }

    @Test func resumesTheStreamAfterTheConnectionDropsAndLosesNothing() async throws {
        let (gateway, gatewayLog, gatewayOnline) = try await online("gw", "sm-\(UUID().uuidString.prefix(8))")
        let (alice, _, _) = try await online("alice", "sm-\(UUID().uuidString.prefix(8))")
        defer { gateway.stop(); alice.stop() }

        // Pull the cable: no closing tag, so the server keeps the session for resumption.
        gateway.eventLoop.execute { gateway.core.currentConnection?.channel.close(promise: nil) }
        _ = try await gatewayLog.first("offline") { $0.offlineError != nil }
        for index in 1...3 {
            alice.send(.message(Message(kind: .chat, to: gatewayOnline.jid, body: "while away \(index)")))
        }
        let resumed = try await gatewayLog.first("resumed") {
            if case .resumed? = $0.established?.streamManagement { true } else { false }
        }
        #expect(resumed.established?.jid == gatewayOnline.jid)
        for index in 1...3 {
            _ = try await gatewayLog.first("message \(index)") { $0.message?.body == "while away \(index)" }
        }
        #expect(await gatewayLog.count { if case .unacknowledged = $0 { true } else { false } } == 0)
    }

    /// Presence set while offline is not queued like a stanza: once online, the account's
    /// other resources see the newest only, after a fresh start and after a resumption.
    @Test func announcesOnlyTheNewestPresenceSetWhileOffline() async throws {
        let (observer, observerLog, observerOnline) = try await online("gw", "watch-\(UUID().uuidString.prefix(8))")
        defer { observer.stop() }
        // The server delivers a resource's presence to the account's available resources.
        observer.setPresence(Presence())
        let device = XMPPSession(
            configuration: try server.configuration("gw", resource: "dev-\(UUID().uuidString.prefix(8))"), eventLoop: testEventLoop)
        defer { device.stop() }
        let deviceLog = EventLog(device)
        device.setPresence(Presence(show: .away, status: "starting"))
        device.setPresence(Presence(status: "21.4 °C"))
        device.start()
        let deviceJID = try #require(try await deviceLog.first("device online") { $0.isOnline }.established?.jid)
        try await expectPresences(["21.4 °C"], from: deviceJID, seenBy: observerLog, observer: observerOnline.jid, via: device)

        // Pull the cable; change the presence while the server keeps the session.
        device.eventLoop.execute { device.core.currentConnection?.channel.close(promise: nil) }
        _ = try await deviceLog.first("offline") { $0.offlineError != nil }
        // Both in one event-loop task: were the session resumed between two calls, the
        // first would rightly be the newest at that moment, and be announced.
        device.eventLoop.execute {
            device.core.announce(Presence(show: .away, status: "stale: no reading for 5 min"))
            device.core.announce(Presence(status: "21.9 °C"))
        }
        _ = try await deviceLog.first("resumed") {
            if case .resumed? = $0.established?.streamManagement { true } else { false }
        }
        try await expectPresences(["21.4 °C", "21.9 °C"], from: deviceJID, seenBy: observerLog, observer: observerOnline.jid, via: device)
    }

    /// The statuses of `device`'s presences `log` saw, up to a message `session` sends after
    /// them (the server routes one session's stanzas in order).
    private func expectPresences(
        _ statuses: [String], from device: JID, seenBy log: EventLog, observer: JID, via session: XMPPSession
    ) async throws {
        let marker = "marker \(UUID().uuidString.prefix(8))"
        session.send(.message(Message(kind: .chat, to: observer, body: marker)))
        _ = try await log.first(marker) { $0.message?.body == marker }
        let seen = await log.all.compactMap { event -> String? in
            guard case .presence(let presence) = event, presence.from == device else { return nil }
            return presence.status
        }
        #expect(seen == statuses)
    }

    @Test func surfacesSubscriptionRequestsWithoutApprovingThem() async throws {
        let (alice, _, _) = try await online("alice", "sub-\(UUID().uuidString.prefix(8))")
        let (mallory, malloryLog, _) = try await online("mallory", "sub-\(UUID().uuidString.prefix(8))")
        defer { alice.stop(); mallory.stop() }
        // A server hands subscription requests to available resources only.
        mallory.setPresence(Presence())
        alice.subscribe(to: try JID("mallory@iot.test"))
        let request = try await malloryLog.first("subscription request") {
            if case .subscriptionRequest = $0 { true } else { false }
        }
        guard case .subscriptionRequest(let from) = request else { return }
        #expect(from == (try JID("alice@iot.test")))
        let roster = try await alice.fetchRoster()
        let entry = try #require(roster.first { $0.jid == (try? JID("mallory@iot.test")) })
        // Not approved: alice still waits, and sees nothing of mallory.
        #expect(entry.pendingOut && (entry.subscription == .none || entry.subscription == .from))
    }

    /// PBKDF2 of a first login runs on the thread pool, never on the event loop that
    /// serves every session; a second session of the account finds the keys cached.
    @Test func derivesTheSCRAMKeysOffTheEventLoop() async throws {
        let onEventLoop = Mutex<[Bool]>([])
        let cache = SCRAMKeyCache(derivationObserver: {
            let isEventLoop = MultiThreadedEventLoopGroup.currentEventLoop != nil
            onEventLoop.withLock { $0.append(isEventLoop) }
        })
        var sessions: [XMPPSession] = []
        defer { sessions.forEach { $0.stop() } }
        for index in 1...2 {
            var configuration = try server.configuration("alice", resource: "pbkdf2-\(index)-\(UUID().uuidString.prefix(8))")
            configuration.keyCache = cache
            let session = XMPPSession(configuration: configuration, eventLoop: testEventLoop)
            sessions.append(session)
            let log = EventLog(session)
            session.start()
            _ = try await log.first("online") { $0.isOnline }
        }
        #expect(onEventLoop.withLock { $0 } == [false])
        #expect(cache.derivationCount == 1)
    }
}
