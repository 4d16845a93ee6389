import Foundation
import NIOCore
import TestSupport
import Testing
@testable import XMPPClient

/// dnsmasq on loopback serving fixed SRV records and nothing else (no upstream, no hosts
/// file), for lookups against a real DNS server. Tests `stop` it when done.
struct LocalDNSServer: Sendable {
    static let executable = "/usr/sbin/dnsmasq"
    static let isInstalled = FileManager.default.isExecutableFile(atPath: executable)
    static let skipReason: Comment = "needs dnsmasq (Debian package dnsmasq-base; scripts/test installs it) and the test Prosody"

    let nameserver: Nameserver
    private let process: SpawnedProcess

    /// `records`: dnsmasq `--srv-host` values, `name,target,port,priority,weight`.
    static func start(port: Int, records: [String]) async throws -> LocalDNSServer {
        let process = try SpawnedProcess(executable, [
            "--keep-in-foreground", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--pid-file=",
            "--listen-address=127.0.0.1", "--bind-interfaces", "--port=\(port)",
        ] + records.map { "--srv-host=\($0)" })
        let server = LocalDNSServer(nameserver: Nameserver(host: "127.0.0.1", port: port), process: process)
        // Ready once it answers; each query waits up to a second, the loop bounds a broken start.
        let client = DNSClient(nameservers: [server.nameserver], timeout: .seconds(1))
        var lastError: Error = DNSLookupError.sendFailed("dnsmasq never answered")
        for _ in 1...10 {
            do {
                _ = try await client.srvRecords(for: "_xmpp-client._tcp.iot.test", on: testEventLoop).get()
                return server
            } catch {
                lastError = error
            }
        }
        server.stop()
        throw lastError
    }

    func stop() { process.terminate() }
}
