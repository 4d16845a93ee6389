import Foundation
import TestSupport

/// A Prosody of its own (`scripts/lib/prosody` in another folder, on other ports) that a
/// test may kill and restart without disturbing the server the other tests share.
///
/// The script runs as a ``SpawnedProcess``, not through `Foundation.Process`, so that the
/// test never hangs on an unreported exit and Prosody does not inherit a blocked SIGTERM.
struct RestartableServer: Sendable {
    struct ScriptFailed: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        var description: String { "scripts/lib/prosody \(command) ended with wait status \(status) (see its folder's prosody.log)" }
    }

    let directory: String
    let ports: (startTLS: Int, directTLS: Int)

    /// Starts it with a clean state; the test accounts only, no benchmark accounts.
    static func start(_ name: String, ports: (startTLS: Int, directTLS: Int)) async throws -> (RestartableServer, TestServer) {
        let server = RestartableServer(
            directory: TestServer.repositoryRoot.appendingPathComponent(".test-run/\(name)").path, ports: ports)
        try await server.run("start")
        guard let settings = TestServer.load("\(server.directory)/env") else { throw ScriptFailed(command: "start", status: 0) }
        return (server, settings)
    }

    /// SIGKILL, as a crash or a power cut does it: clients get no closing tag.
    func kill() async throws { try await run("kill") }
    /// Starts again on the same ports and data.
    func restart() async throws { try await run("restart") }
    func stop() async throws { try await run("stop") }

    private func run(_ command: String) async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["XMPP_PORT"] = String(ports.startTLS)
        environment["XMPP_DIRECT_TLS_PORT"] = String(ports.directTLS)
        environment["XMPP_BENCH_ACCOUNTS"] = "0"
        let script = try SpawnedProcess(TestServer.repositoryRoot.appendingPathComponent("scripts/lib/prosody").path,
                                        [command, directory], environment: environment)
        let status = await script.waitForExit()
        guard status == 0 else { throw ScriptFailed(command: command, status: status) }
    }
}
