import Foundation
import Testing
@testable import XMPPClient

/// The SRV lookup against a real DNS server (dnsmasq), and a session that finds the test
/// Prosody through it.
@Suite(.enabled(if: TestServer.shared != nil && LocalDNSServer.isInstalled, LocalDNSServer.skipReason))
struct ServerLookupIntegrationTests {
    let server = TestServer.shared!

    /// Direct TLS preferred (priority 0), STARTTLS after it; "none.test" says it has no service.
    private func records() -> [String] {
        ["_xmpps-client._tcp.iot.test,localhost,\(server.directTLSPort),0,5",
         "_xmpp-client._tcp.iot.test,localhost,\(server.port),10,5",
         "_xmpp-client._tcp.none.test,."]
    }

    /// A session of `account` that finds its server through `dns` only, started.
    private func sessionThroughDNS(_ dns: LocalDNSServer, resource: String, account: JID? = nil) throws -> (XMPPSession, EventLog) {
        var configuration = try server.configuration("bob", resource: resource)
        if let account { configuration.account = account }
        configuration.endpoint = nil
        configuration.nameservers = [dns.nameserver]
        let session = XMPPSession(configuration: configuration, eventLoop: testEventLoop)
        let log = EventLog(session)
        session.start()
        return (session, log)
    }

    @Test func findsBothServicesInPriorityOrder() async throws {
        let dns = try await LocalDNSServer.start(port: 15353, records: records())
        defer { dns.stop() }
        let lookup = ServerLookup(nameservers: [dns.nameserver], timeout: .seconds(2), threadPool: .singleton)
        let answers = try await lookup.answers(for: "iot.test", on: testEventLoop).get()
        #expect(answers.directTLS == .records([SRVRecord(priority: 0, weight: 5, port: UInt16(server.directTLSPort), target: "localhost")]))
        var random = SystemRandomNumberGenerator()
        let endpoints = try ServerLookup.endpoints(domain: "iot.test", directTLS: answers.directTLS, startTLS: answers.startTLS,
                                                   using: &random)
        #expect(endpoints == [.init(host: "localhost", port: server.directTLSPort, directTLS: true),
                              .init(host: "localhost", port: server.port)])
    }

    @Test func logsInAtTheServerTheSRVRecordsName() async throws {
        let dns = try await LocalDNSServer.start(port: 15354, records: records())
        defer { dns.stop() }
        let (session, log) = try sessionThroughDNS(dns, resource: "srv-\(UUID().uuidString.prefix(8))")
        defer { session.stop() }
        _ = try await log.first("online through SRV") { $0.isOnline }
        let endpoint = try await session.eventLoop.submit { session.core.currentConnection?.endpoint }.get()
        #expect(endpoint == .init(host: "localhost", port: server.directTLSPort, directTLS: true))
    }

    @Test func believesADomainWithoutService() async throws {
        let dns = try await LocalDNSServer.start(port: 15355, records: records())
        defer { dns.stop() }
        let (session, log) = try sessionThroughDNS(dns, resource: "none", account: try JID("bob@none.test"))
        defer { session.stop() }
        let offline = try await log.first("offline") { $0.offlineError != nil }
        #expect(offline.offlineError == .serverLookup(.serviceNotOffered(domain: "none.test")))
    }

    /// A target that refuses the connection is skipped for the next one in order.
    @Test func triesTheNextTargetWhenOneRefuses() async throws {
        let dns = try await LocalDNSServer.start(port: 15356, records: [
            "_xmpps-client._tcp.iot.test,localhost,9,0,5",   // nothing listens on port 9
            "_xmpp-client._tcp.iot.test,localhost,\(server.port),10,5",
        ])
        defer { dns.stop() }
        let (session, log) = try sessionThroughDNS(dns, resource: "srv-next-\(UUID().uuidString.prefix(8))")
        defer { session.stop() }
        _ = try await log.first("online through the second SRV target") { $0.isOnline }
        let endpoint = try await session.eventLoop.submit { session.core.currentConnection?.endpoint }.get()
        #expect(endpoint == .init(host: "localhost", port: server.port))
        #expect(await log.count { $0.offlineError != nil } == 0)
    }
}
