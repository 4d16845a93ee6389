import Foundation
import NIOPosix
import XMPPClient

/// Our side of the `session` suite: the same measurements as `slixmpp_bench.py`, with
/// every session of the run on one event loop, as the gateway runs them.
struct OurSessionBenchmark {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let settings: SessionBenchmark.Settings
    let server: BenchmarkServer
    let tls: TLSContext
    let eventLoop = MultiThreadedEventLoopGroup.singleton.next()

    init(_ settings: SessionBenchmark.Settings, server: BenchmarkServer) throws {
        self.settings = settings
        self.server = server
        tls = try TLSContext(trustRoots: .caFile(path: server.values["XMPP_CA_FILE"] ?? ""))
    }

    func run() async throws -> SessionFigures {
        var figures = SessionFigures()
        figures.loginMilliseconds = try await logins()
        figures.iqMicroseconds = try await roundTrips()
        (figures.messageCount, figures.messageSeconds, figures.messageCPUSeconds) = try await messages()
        (figures.idleSessions, figures.rssBeforeKiB, figures.rssAfterKiB) = try await idleSessions()
        return figures
    }

    private func session(_ user: String, _ resource: String) throws -> XMPPSession {
        XMPPSession(configuration: try server.configuration(user, resource: resource, tls: tls), eventLoop: eventLoop)
    }

    /// Starts the session and returns once it is online. Each caller of `events` in this
    /// suite reads it from one task at a time, as an `AsyncStream` requires.
    private func online(_ session: XMPPSession) async throws {
        session.start()
        for await event in session.events {
            switch event {
            case .online: return
            case .stopped(let error): throw Failure(description: "\(session.configuration.account): \(String(describing: error))")
            default: continue
            }
        }
        throw Failure(description: "\(session.configuration.account): events ended before online")
    }

    /// Stops the session and returns once it has said goodbye.
    private func stop(_ session: XMPPSession) async {
        session.stop()
        for await _ in session.events {}
    }

    private func logins() async throws -> [Double] {
        var milliseconds: [Double] = []
        for index in 0..<settings.logins {
            // A new configuration: its own key cache, so PBKDF2 runs as on a first login.
            let bob = try session("bob", "login-ours-\(index)")
            let start = ContinuousClock.now
            try await online(bob)
            milliseconds.append((ContinuousClock.now - start).inMilliseconds)
            await stop(bob)
        }
        return milliseconds
    }

    private func roundTrips() async throws -> [Double] {
        let requester = try session("bob", "iq-ours")
        let responder = try session("mallory", "iq-ours")
        responder.handleRequests(named: "ping", namespace: SessionBenchmark.namespace) { request in
            .success(XMLElement("pong", namespace: SessionBenchmark.namespace, attributes: ["n": request.payload?.attribute("n") ?? ""]))
        }
        try await online(requester)
        try await online(responder)
        let to = try JID("mallory@\(server.domain)/iq-ours")
        var microseconds: [Double] = []
        for index in 0..<(settings.warmUp + settings.roundTrips) {
            let ping = IQ(kind: .get, id: "", to: to,
                          payload: XMLElement("ping", namespace: SessionBenchmark.namespace, attributes: ["n": String(index)]))
            let start = ContinuousClock.now
            _ = try await requester.request(ping)
            if index >= settings.warmUp {
                microseconds.append((ContinuousClock.now - start).inMilliseconds * 1000)
            }
        }
        await stop(requester)
        await stop(responder)
        return microseconds
    }

    private func messages() async throws -> (count: Int, seconds: Double, cpuSeconds: Double) {
        let sender = try session("bob", "msg-ours")
        let receiver = try session("mallory", "msg-ours")
        try await online(sender)
        try await online(receiver)
        let count = settings.messages
        let counting = Task {
            var received = 0
            for await event in receiver.events {
                if case .message(let message) = event, message.body?.hasPrefix("m") == true { received += 1 }
                if received == count { break }
            }
            return received
        }
        let to = try JID("mallory@\(server.domain)/msg-ours")
        let cpuBefore = ProcessResources.cpuSeconds()
        let start = ContinuousClock.now
        for index in 0..<count {
            sender.send(.message(Message(kind: .chat, to: to, body: "m\(index)")))
        }
        let received = await counting.value
        let seconds = (ContinuousClock.now - start).inSeconds
        let cpuSeconds = ProcessResources.cpuSeconds() - cpuBefore
        guard received == count else { throw Failure(description: "received \(received) of \(count) messages") }
        await stop(sender)
        await stop(receiver)
        return (count, seconds, cpuSeconds)
    }

    private func idleSessions() async throws -> (count: Int, beforeKiB: Double, afterKiB: Double) {
        let count = min(settings.idleSessions, server.benchAccountCount)
        let before = ProcessResources.residentKiB()
        let sessions = try (1...count).map { try session(String(format: "u%03d", $0), "idle-ours") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for session in sessions {
                session.setPresence(Presence())
                group.addTask { try await online(session) }
            }
            try await group.waitForAll()
        }
        // As the slixmpp side does: let the presence exchanges settle before measuring.
        try await Task.sleep(for: .milliseconds(1500))
        let after = ProcessResources.residentKiB()
        for session in sessions { await stop(session) }
        return (count, before, after)
    }
}
