import Foundation
import Testing
@testable import XMPPClient

/// What a real server never sends, from Tests/Interop/hostile_server.py: each case ends
/// the attempt with the right error and, unless retrying cannot help, a later reconnect —
/// never a crash or a hang.
@Suite(.enabled(if: TestServer.shared != nil, TestServer.skipReason))
struct HostileServerTests {
    let server = TestServer.shared!

    /// Runs a gateway session against the hostile server in `mode` and returns its first
    /// offline error, after checking that it reconnected (or stopped, when permanent).
    /// `negotiationTimeout` is short only where the timeout is what the test waits for: the
    /// other modes end the attempt at once, and a host that stalls for seconds must not turn
    /// their error into a timeout.
    private func firstError(_ mode: String, negotiationTimeout: Duration = .seconds(30))
        async throws -> (SessionError, ChildProcess) {
        let (hostile, port) = try await ChildProcess.hostileServer(mode: mode, server: server)
        var configuration = try server.configuration("gw", resource: "hostile")
        configuration.endpoint = .init(host: "127.0.0.1", port: port)
        configuration.negotiationTimeout = negotiationTimeout
        let session = XMPPSession(configuration: configuration, eventLoop: testEventLoop)
        let log = EventLog(session)
        session.start()
        defer { session.stop(); hostile.terminate() }
        let error = try #require(try await log.first("offline") { $0.offlineError != nil }.offlineError)
        if error.isPermanent {
            _ = try await log.first("stopped") { if case .stopped = $0 { true } else { false } }
        } else {
            _ = try await hostile.line(startingWith: "CONNECTION 2")
        }
        return (error, hostile)
    }

    @Test func refusesACertificateFromAnUntrustedCA() async throws {
        let (error, hostile) = try await firstError("bad-cert")
        guard case .tls(.certificateUntrusted) = error else { Issue.record("\(error)"); return }
        #expect(!hostile.output.contains { $0.contains("credentials-sent") })
    }

    @Test func refusesACertificateForAnotherName() async throws {
        let (error, hostile) = try await firstError("wrong-host")
        #expect(error == .tls(.hostnameMismatch(expected: "iot.test")))
        #expect(!hostile.output.contains { $0.contains("credentials-sent") })
    }

    @Test func refusesAServerThatCannotProveItKnowsThePassword() async throws {
        let (error, _) = try await firstError("wrong-scram-signature")
        #expect(error == .sasl(.serverSignatureMismatch))
    }

    @Test func neverSendsCredentialsWithoutTLS() async throws {
        let (error, hostile) = try await firstError("no-starttls")
        #expect(error == .tlsNotOffered)
        #expect(!hostile.output.contains { $0.contains("credentials-sent") })
    }

    @Test(arguments: [
        ("doctype", StreamErrorCondition.restrictedXML),
        ("endless-stanza", .policyViolation),
        ("garbage", .notWellFormed),
    ])
    func closesABrokenStreamWithTheRightStreamError(mode: String, condition: StreamErrorCondition) async throws {
        let (error, hostile) = try await firstError(mode)
        guard case .malformedStream(let streamError) = error else { Issue.record("\(error)"); return }
        #expect(streamError.condition == condition)
        // The server was told why.
        _ = try await hostile.line(startingWith: "EVENT 1 recv error condition=\(condition.rawValue)")
    }

    @Test func givesUpOnAServerThatStalls() async throws {
        let (error, _) = try await firstError("stall", negotiationTimeout: .seconds(2))
        guard case .timedOut = error else { Issue.record("\(error)"); return }
    }
}
