import Foundation
import Synchronization
import TestSupport

/// A helper program the test runs (the hostile server, the slixmpp peer), with its
/// standard output collected line by line so the test can wait for a line it expects.
final class ChildProcess: Sendable {
    private let process: SpawnedProcess
    private let lines = LineLog()
    private let terminated = Atomic(false)

    /// `executable` and the paths among `arguments` are absolute: the child starts in
    /// whatever directory the test runner runs in.
    init(_ executable: String, _ arguments: [String]) throws {
        process = try SpawnedProcess(executable, arguments, capture: .standardOutput)
        Task { [process, lines] in
            for await chunk in process.output() { lines.receive(chunk) }
        }
    }

    /// The first output line starting with `prefix`, past or future.
    func line(startingWith prefix: String, timeout: Duration = .seconds(20)) async throws -> String {
        try await lines.first(startingWith: prefix, timeout: timeout)
    }

    var output: [String] { lines.all }

    /// SIGTERM once; the exit is collected in the background.
    func terminate() {
        guard !terminated.exchange(true, ordering: .relaxed) else { return }
        process.terminate()
    }

    deinit { terminate() }

    /// The slixmpp peer of Tests/Interop (an independent client) in the venv that
    /// `scripts/lib/python-env` makes.
    static func slixmppPeer(_ arguments: [String], server: TestServer) throws -> ChildProcess {
        let python = TestServer.repositoryRoot.appendingPathComponent(".test-run/venv/bin/python").path
        return try ChildProcess(python, [interopScript("slixmpp_peer.py"), "--env", server.envFile, "--ignore-stdin"] + arguments)
    }

    /// The hostile XMPP server of Tests/Interop in one of its modes, on a free port.
    static func hostileServer(mode: String, server: TestServer) async throws -> (ChildProcess, port: Int) {
        let child = try ChildProcess("/usr/bin/env", [
            "python3", interopScript("hostile_server.py"), "--mode", mode, "--port", "0", "--time-limit", "120",
            "--password", server.password("gw"),
        ] + (server.values["PROSODY_DIR"].map { ["--dir", $0] } ?? []))
        let line = try await child.line(startingWith: "PORT=")
        guard let port = Int(line.dropFirst("PORT=".count)) else { throw LineLog.Timeout(what: "a port in '\(line)'") }
        return (child, port)
    }

    private static func interopScript(_ name: String) -> String {
        TestServer.repositoryRoot.appendingPathComponent("Tests/Interop/\(name)").path
    }
}

/// Output lines of a child process, and the tests waiting for one.
final class LineLog: Sendable {
    struct Timeout: Error, CustomStringConvertible {
        let what: String
        var description: String { "timed out waiting for \(what)" }
    }

    private struct State {
        var partial = Data()
        var lines: [String] = []
        var waiters: [(id: Int, prefix: String, continuation: CheckedContinuation<String, Error>)] = []
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    var all: [String] { state.withLock { $0.lines } }

    func receive(_ data: Data) {
        state.withLock { state in
            state.partial.append(data)
            while let newline = state.partial.firstIndex(of: 0x0A) {
                let line = String(decoding: state.partial[state.partial.startIndex..<newline], as: UTF8.self)
                state.partial.removeSubrange(state.partial.startIndex...newline)
                state.lines.append(line)
                for waiter in state.waiters where line.hasPrefix(waiter.prefix) { waiter.continuation.resume(returning: line) }
                state.waiters.removeAll { line.hasPrefix($0.prefix) }
            }
        }
    }

    func first(startingWith prefix: String, timeout: Duration) async throws -> String {
        let id: Int? = state.withLock { state in
            if state.lines.contains(where: { $0.hasPrefix(prefix) }) { return nil }
            state.nextWaiter += 1
            return state.nextWaiter
        }
        guard let id else { return all.first { $0.hasPrefix(prefix) } ?? "" }
        return try await withCheckedThrowingContinuation { continuation in
            state.withLock { $0.waiters.append((id, prefix, continuation)) }
            Task {
                try? await Task.sleep(for: timeout)
                self.expire(id, prefix)
            }
        }
    }

    private func expire(_ id: Int, _ prefix: String) {
        state.withLock { state in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return }
            state.waiters.remove(at: index).continuation.resume(throwing: Timeout(what: "a line starting with '\(prefix)'"))
        }
    }
}
