import Foundation
import Testing
@testable import XMPPClient

/// A session survives its server being killed and started again: it reconnects within
/// the backoff, tries to resume, falls back to a fresh stream when the new server process
/// knows nothing of the old one, reports what the old stream left unacknowledged, and
/// sends everything queued while it was offline. Once one session of an account is back,
/// the others stop waiting out their backoff.
@Suite(.enabled(if: TestServer.shared != nil, TestServer.skipReason))
struct ServerRestartTests {
    @Test func survivesAServerRestartAndLosesNoQueuedStanza() async throws {
        try await withServer("xmpp-restart", ports: (15242, 15243), exerciseRestart)
    }

    @Test func aSessionBackOnlineCutsTheBackoffOfTheOthers() async throws {
        try await withServer("xmpp-restart-signal", ports: (15244, 15245), exerciseSignal)
    }

    /// Runs `body` with a server of its own, stopped afterwards whatever happens.
    private func withServer(_ name: String, ports: (Int, Int),
                            _ body: (RestartableServer, TestServer) async throws -> Void) async throws {
        let (prosody, server) = try await RestartableServer.start(name, ports: ports)
        do {
            try await body(prosody, server)
        } catch {
            try? await prosody.stop()
            throw error
        }
        try await prosody.stop()
    }

    /// The patient session alone would wait a random delay of up to five minutes after
    /// the restart; the signal of the quick one brings it back within its 200 ms spread.
    private func exerciseSignal(_ prosody: RestartableServer, _ server: TestServer) async throws {
        let signal = ReconnectSignal(spread: .milliseconds(200))
        var quickConfiguration = try server.configuration("gw", resource: "quick")
        quickConfiguration.reconnectSignal = signal
        var patientConfiguration = try server.configuration("gw", resource: "patient")
        patientConfiguration.reconnectSignal = signal
        patientConfiguration.backoff = ReconnectBackoff(base: .seconds(300), cap: .seconds(300))
        let quick = XMPPSession(configuration: quickConfiguration, eventLoop: testEventLoop)
        let patient = XMPPSession(configuration: patientConfiguration, eventLoop: testEventLoop)
        let (quickLog, patientLog) = (EventLog(quick), EventLog(patient))
        defer { quick.stop(); patient.stop() }
        quick.start()
        patient.start()
        _ = try await quickLog.first("quick online") { $0.isOnline }
        _ = try await patientLog.first("patient online") { $0.isOnline }

        try await prosody.kill()
        _ = try await patientLog.first("patient offline") { $0.offlineError != nil }
        try await prosody.restart()
        let backAgain: @Sendable (SessionEvent) -> Bool = { $0.established?.failedResumption != nil }
        _ = try await quickLog.first("quick online again", timeout: .seconds(30), where: backAgain)
        _ = try await patientLog.first("patient online again", timeout: .seconds(10), where: backAgain)
    }

    private func exerciseRestart(_ prosody: RestartableServer, _ server: TestServer) async throws {
        let gateway = XMPPSession(configuration: try server.configuration("gw", resource: "restart"), eventLoop: testEventLoop)
        let alice = XMPPSession(configuration: try server.configuration("alice", resource: "restart"), eventLoop: testEventLoop)
        let gatewayLog = EventLog(gateway)
        let aliceLog = EventLog(alice)
        defer { gateway.stop(); alice.stop() }
        gateway.start()
        alice.start()
        alice.setPresence(Presence())
        let first = try #require(try await gatewayLog.first("gw online") { $0.isOnline }.established)
        _ = try await aliceLog.first("alice online") { $0.isOnline }
        guard case .enabled(_?, _) = first.streamManagement else {
            Issue.record("no resumable stream management: \(first.streamManagement)")
            return
        }

        // Delivered, but the server is never asked to acknowledge them before it dies.
        let aliceJID = try JID("alice@iot.test")
        for index in 1...2 {
            gateway.send(.message(Message(kind: .chat, to: aliceJID, body: "before \(index)")))
            _ = try await aliceLog.first("before \(index)") { $0.message?.body == "before \(index)" }
        }

        try await prosody.kill()
        _ = try await gatewayLog.first("gw offline") { $0.offlineError != nil }
        for index in 1...3 {
            gateway.send(.message(Message(kind: .chat, to: aliceJID, body: "queued \(index)")))
        }
        try await prosody.restart()

        // Two online events: the first stream, then the fresh one after the failed resumption.
        let online = try await gatewayLog.first("gw online again", timeout: .seconds(30)) { event in
            event.established.map { $0.failedResumption != nil } ?? false
        }
        guard case .enabled = online.established?.streamManagement else {
            Issue.record("stream management not enabled again: \(String(describing: online.established))")
            return
        }
        let unacknowledged = try await gatewayLog.first("unacknowledged") {
            if case .unacknowledged = $0 { true } else { false }
        }
        guard case .unacknowledged(let elements) = unacknowledged else { return }
        let bodies = elements.compactMap { $0.element("body")?.text }
        #expect(bodies == ["before 1", "before 2"])
        for index in 1...3 {
            _ = try await aliceLog.first("queued \(index)", timeout: .seconds(30)) { $0.message?.body == "queued \(index)" }
        }
    }
}
