import Foundation
import XMPPClient

/// The local Prosody of `scripts/lib/prosody` (tuned: Nagle off, generational GC), started
/// for the run when it is not running and then stopped again; its env file's settings.
struct BenchmarkServer {
    let envFile: String
    let values: [String: String]
    /// Whether this run started it, and so stops it.
    let startedHere: Bool

    static func startIfNeeded() throws -> BenchmarkServer {
        let running = (try? BenchmarkProcess.output("scripts/lib/prosody", ["status"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let envFile = try running.flatMap { $0.isEmpty ? nil : $0 }
            ?? BenchmarkProcess.output("scripts/lib/prosody", ["start"]).trimmingCharacters(in: .whitespacesAndNewlines)
        var values: [String: String] = [:]
        for line in try String(contentsOfFile: envFile, encoding: .utf8).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return BenchmarkServer(envFile: envFile, values: values, startedHere: running?.isEmpty ?? true)
    }

    func stopIfStartedHere() {
        if startedHere { _ = try? BenchmarkProcess.output("scripts/lib/prosody", ["stop"]) }
    }

    var domain: String { values["XMPP_DOMAIN"] ?? "iot.test" }
    var benchAccountCount: Int { values["XMPP_BENCH_ACCOUNT_COUNT"].flatMap { Int($0) } ?? 0 }

    func password(_ user: String) -> String {
        values["XMPP_\(user.uppercased())_PASSWORD"] ?? "\(user)pass"
    }

    /// One configuration per session, all with the same TLS context, STARTTLS on loopback.
    func configuration(_ user: String, resource: String, tls: TLSContext) throws -> ClientConfiguration {
        ClientConfiguration(
            account: try JID("\(user)@\(domain)"), password: password(user), resource: resource, tls: tls,
            endpoint: .init(host: values["XMPP_HOST"] ?? "127.0.0.1", port: values["XMPP_PORT"].flatMap { Int($0) } ?? 15222))
    }
}
