import Foundation
import NIOPosix
import Testing
@testable import XMPPClient

/// The Prosody that `scripts/test` starts (`scripts/lib/prosody start`), read from its env
/// file: `XMPP_TEST_ENV`, or `.test-run/xmpp/env` in the repository. Tests that need it are
/// skipped, with that reason shown, when it is not running.
struct TestServer: Sendable {
    static let shared: TestServer? = load()
    static let skipReason: Comment = "needs the test Prosody: run scripts/test, or scripts/lib/prosody start"
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let values: [String: String]
    let envFile: String

    var domain: String { values["XMPP_DOMAIN"] ?? "iot.test" }
    var host: String { values["XMPP_HOST"] ?? "127.0.0.1" }
    var port: Int { values["XMPP_PORT"].flatMap { Int($0) } ?? 15222 }
    var directTLSPort: Int { values["XMPP_DIRECT_TLS_PORT"].flatMap { Int($0) } ?? 15223 }
    var caFile: String { values["XMPP_CA_FILE"] ?? "" }

    func password(_ user: String) -> String {
        values["XMPP_\(user.uppercased())_PASSWORD"] ?? "\(user)pass"
    }

    /// A configuration that reconnects quickly, so tests see reconnects within seconds.
    func configuration(_ user: String, resource: String, maximumTLS: TLSProtocolVersion? = nil,
                       directTLS: Bool = false) throws -> ClientConfiguration {
        var configuration = ClientConfiguration(
            account: try JID("\(user)@\(domain)"), password: password(user), resource: resource,
            tls: try TLSContext(trustRoots: .caFile(path: caFile), maximumVersion: maximumTLS),
            endpoint: .init(host: host, port: directTLS ? directTLSPort : port, directTLS: directTLS))
        configuration.backoff = ReconnectBackoff(base: .milliseconds(100), cap: .seconds(1))
        return configuration
    }

    private static func load() -> TestServer? {
        load(ProcessInfo.processInfo.environment["XMPP_TEST_ENV"]
            ?? repositoryRoot.appendingPathComponent(".test-run/xmpp/env").path)
    }

    static func load(_ path: String) -> TestServer? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        // Only a server that answers counts: an env file can outlive its Prosody.
        guard let pid = values["PROSODY_PID"].flatMap({ Int32($0) }), kill(pid, 0) == 0 else { return nil }
        return TestServer(values: values, envFile: path)
    }
}

/// Every event a session emits, kept so a test can wait for the one it expects.
actor EventLog {
    private var events: [SessionEvent] = []
    private var waiters: [(id: Int, matches: @Sendable (SessionEvent) -> Bool, continuation: CheckedContinuation<SessionEvent, Error>)] = []
    private var nextWaiter = 0

    struct Timeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting for \(what)" }
    }

    init(_ session: XMPPSession) {
        Task { [weak self] in
            for await event in session.events { await self?.append(event) }
        }
    }

    var all: [SessionEvent] { events }

    /// The first event, past or future, for which `matches` holds; fails after `timeout`
    /// (a deadline for a broken run, not a timing assumption).
    func first(_ what: String, timeout: Duration = .seconds(20), where matches: @escaping @Sendable (SessionEvent) -> Bool) async throws -> SessionEvent {
        if let event = events.first(where: matches) { return event }
        nextWaiter += 1
        let id = nextWaiter
        return try await withCheckedThrowingContinuation { continuation in
            waiters.append((id, matches, continuation))
            Task {
                try? await Task.sleep(for: timeout)
                self.expire(id, what)
            }
        }
    }

    /// How many events so far match.
    func count(where matches: (SessionEvent) -> Bool) -> Int {
        events.filter(matches).count
    }

    private func append(_ event: SessionEvent) {
        events.append(event)
        let (ready, waiting) = (waiters.filter { $0.matches(event) }, waiters.filter { !$0.matches(event) })
        waiters = waiting
        for waiter in ready { waiter.continuation.resume(returning: event) }
    }

    private func expire(_ id: Int, _ what: String) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: Timeout(what: what))
    }
}

extension SessionEvent {
    var established: SessionEstablished? {
        if case .online(let established) = self { established } else { nil }
    }

    var isOnline: Bool { established != nil }

    var offlineError: SessionError? {
        if case .offline(let error) = self { error } else { nil }
    }

    var message: Message? {
        if case .message(let message) = self { message } else { nil }
    }
}

/// One event loop for every session of the tests, as the gateway runs them.
let testEventLoop = MultiThreadedEventLoopGroup.singleton.next()
