import NIOCore
import NIOPosix

/// Where to connect for a domain's XMPP client service: the SRV records
/// `_xmpps-client._tcp` (Direct TLS, XEP-0368) and `_xmpp-client._tcp` (STARTTLS), merged
/// and ordered by priority and weight (RFC 2782); the domain itself on port 5222 when
/// neither lookup gives a target (RFC 6120 §3.2.1). The host names of the targets are
/// resolved to addresses when connecting.
struct ServerLookup: Sendable {
    /// What one SRV query said.
    enum Answer: Sendable, Equatable {
        /// The records (none for NXDOMAIN or an empty answer).
        case records([SRVRecord])
        /// No usable answer; the lookup falls back as if there were no records.
        case failed(DNSLookupError)
    }

    static let defaultPort = 5222

    /// nil: the system's, read from /etc/resolv.conf at each lookup.
    var nameservers: [Nameserver]?
    var timeout: Duration
    /// Reads /etc/resolv.conf off the event loop.
    var threadPool: NIOThreadPool

    /// Both SRV queries, concurrently; never fails (failures become `.failed`).
    func answers(for domain: String, on eventLoop: EventLoop) -> EventLoopFuture<(directTLS: Answer, startTLS: Answer)> {
        let servers: EventLoopFuture<[Nameserver]> = if let nameservers {
            eventLoop.makeSucceededFuture(nameservers)
        } else {
            threadPool.runIfActive(eventLoop: eventLoop) { Nameserver.system() }
        }
        let timeout = timeout
        return servers.flatMap { servers in
            let client = DNSClient(nameservers: servers, timeout: timeout)
            let directTLS = Self.answer(client.srvRecords(for: "_xmpps-client._tcp.\(domain)", on: eventLoop))
            let startTLS = Self.answer(client.srvRecords(for: "_xmpp-client._tcp.\(domain)", on: eventLoop))
            return directTLS.and(startTLS).map { (directTLS: $0, startTLS: $1) }
        }.flatMapErrorThrowing { error in
            let failure = Answer.failed(error as? DNSLookupError ?? .sendFailed("\(error)"))
            return (failure, failure)
        }
    }

    private static func answer(_ response: EventLoopFuture<DNSMessage.Response>) -> EventLoopFuture<Answer> {
        response.map { .records($0.srvRecords) }.recover { .failed($0 as? DNSLookupError ?? .sendFailed("\($0)")) }
    }

    /// The endpoints to try, in order.
    static func endpoints(
        domain: String, directTLS: Answer, startTLS: Answer, using random: inout some RandomNumberGenerator
    ) throws(ServerLookupError) -> [ClientConfiguration.Endpoint] {
        let direct = records(directTLS).map { ($0, true) }
        let starting = records(startTLS).map { ($0, false) }
        let usable = (direct + starting).filter { !$0.0.meansNoService }
        if usable.isEmpty {
            if case .records(let records) = startTLS, records.contains(where: \.meansNoService) {
                throw .serviceNotOffered(domain: domain)
            }
            return [ClientConfiguration.Endpoint(host: domain, port: defaultPort)]
        }
        return SRVOrdering.ordered(usable, priority: \.0.priority, weight: \.0.weight, using: &random).map { record, directTLS in
            ClientConfiguration.Endpoint(host: record.target, port: Int(record.port), directTLS: directTLS)
        }
    }

    private static func records(_ answer: Answer) -> [SRVRecord] {
        if case .records(let records) = answer { records } else { [] }
    }
}
