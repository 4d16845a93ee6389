import Foundation
import Testing
@testable import XMPPClient

/// Our sessions with slixmpp 1.17.0, a client library no one here wrote, through Prosody.
@Suite(.enabled(if: TestServer.shared != nil, TestServer.skipReason))
struct InteropTests {
    let server = TestServer.shared!

    @Test func exchangesMessagesWithSlixmpp() async throws {
        let peerResource = "echo-\(UUID().uuidString.prefix(8))"
        let peer = try ChildProcess.slixmppPeer(["bob@iot.test/\(peerResource)", server.password("bob"), "echo"], server: server)
        defer { peer.terminate() }
        _ = try await peer.line(startingWith: "READY")

        let session = XMPPSession(configuration: try server.configuration("alice", resource: "interop"), eventLoop: testEventLoop)
        let log = EventLog(session)
        session.start()
        defer { session.stop() }
        _ = try await log.first("online") { $0.isOnline }
        let peerJID = try JID("bob@iot.test/\(peerResource)")
        for index in 1...3 {
            session.send(.message(Message(kind: .chat, to: peerJID, body: "reading \(index): 21.\(index) °C & <ok>")))
        }
        for index in 1...3 {
            let echo = try await log.first("echo \(index)") { $0.message?.body == "echo: reading \(index): 21.\(index) °C & <ok>" }
            #expect(echo.message?.from == peerJID)
        }
    }

    @Test func answersSlixmppsRequests() async throws {
        let resource = "iq-\(UUID().uuidString.prefix(8))"
        let session = XMPPSession(configuration: try server.configuration("gw", resource: resource), eventLoop: testEventLoop)
        session.handleRequests(named: "ping", namespace: "urn:example:bench") { request in
            .success(XMLElement("pong", namespace: "urn:example:bench", attributes: ["n": request.payload?.attribute("n") ?? ""]))
        }
        let log = EventLog(session)
        session.start()
        defer { session.stop() }
        _ = try await log.first("online") { $0.isOnline }

        let peer = try ChildProcess.slixmppPeer(["alice@iot.test/iq-peer", server.password("alice"), "iq", "20", "gw@iot.test/\(resource)"], server: server)
        defer { peer.terminate() }
        let latencies = try await peer.line(startingWith: "{\"event\": \"iq-latencies\"")
        #expect(latencies.contains("\"p50_us\""))
        #expect(!peer.output.contains { $0.contains("iq-error") })
    }
}
