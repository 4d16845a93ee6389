import NIOCore
import NIOPosix
import Testing
@testable import XMPPClient

/// A UDP "nameserver" on loopback that answers every query with what `reply` makes of it
/// (nothing: no answer).
private final class ScriptedNameserver: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    let reply: @Sendable ([UInt8]) -> [UInt8]?

    init(reply: @escaping @Sendable ([UInt8]) -> [UInt8]?) { self.reply = reply }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let query = unwrapInboundIn(data)
        guard let answer = reply(Array(query.data.readableBytesView)) else { return }
        context.writeAndFlush(wrapOutboundOut(AddressedEnvelope(remoteAddress: query.remoteAddress, data: ByteBuffer(bytes: answer))),
                              promise: nil)
    }

    static func start(reply: @escaping @Sendable ([UInt8]) -> [UInt8]?) async throws -> (Channel, Nameserver) {
        let channel = try await DatagramBootstrap(group: testEventLoop)
            .channelInitializer { $0.pipeline.addHandler(ScriptedNameserver(reply: reply)) }
            .bind(host: "127.0.0.1", port: 0).get()
        return (channel, Nameserver(host: "127.0.0.1", port: channel.localAddress?.port ?? 0))
    }
}

/// The query's header and question, turned into a response with these flags and records.
private func answer(_ query: [UInt8], flags: UInt16 = 0x8180, srv: [(UInt16, UInt16, UInt16, String)] = []) -> [UInt8] {
    var message = Array(query.prefix(2)) + [UInt8(flags >> 8), UInt8(flags & 0xFF), 0, 1, 0, UInt8(srv.count), 0, 0, 0, 0]
    message += query.dropFirst(12)
    for (priority, weight, port, target) in srv {
        let name = (try? DNSMessage.encodedName(target)) ?? [0]
        let length = 6 + name.count
        message += [0xC0, 12, 0, 33, 0, 1, 0, 0, 0, 60, UInt8(length >> 8), UInt8(length & 0xFF)]
        for value in [priority, weight, port] { message += [UInt8(value >> 8), UInt8(value & 0xFF)] }
        message += name
    }
    return message
}

@Suite struct DNSClientTests {
    private func lookUp(_ servers: [Nameserver], timeout: Duration = .seconds(5)) async throws -> DNSMessage.Response {
        try await DNSClient(nameservers: servers, timeout: timeout)
            .srvRecords(for: "_xmpp-client._tcp.iot.test", on: testEventLoop).get()
    }

    @Test func readsTheAnswerToItsQuery() async throws {
        let (channel, server) = try await ScriptedNameserver.start { answer($0, srv: [(5, 10, 5222, "xmpp.iot.test")]) }
        defer { channel.close(promise: nil) }
        let response = try await lookUp([server])
        #expect(response.srvRecords == [SRVRecord(priority: 5, weight: 10, port: 5222, target: "xmpp.iot.test")])
    }

    @Test func ignoresAnswersToOtherQueries() async throws {
        // A stale answer (another id) first, then the real one.
        let (channel, server) = try await ScriptedNameserver.start { query in
            var stale = answer(query, srv: [(1, 1, 1, "stale.iot.test")])
            stale[0] ^= 0xFF
            return stale
        }
        defer { channel.close(promise: nil) }
        await #expect(throws: DNSLookupError.noAnswer(from: "\(try SocketAddress(ipAddress: "127.0.0.1", port: server.port))",
                                                      within: .milliseconds(300))) {
            try await lookUp([server], timeout: .milliseconds(300))
        }
    }

    @Test func reportsAMalformedAnswer() async throws {
        let (channel, server) = try await ScriptedNameserver.start { query in Array(query.prefix(2)) + [0x81, 0x80, 0, 1] }
        defer { channel.close(promise: nil) }
        await #expect(throws: DNSLookupError.malformedResponse(.truncated(offset: 6),
                                                               from: "\(try SocketAddress(ipAddress: "127.0.0.1", port: server.port))")) {
            try await lookUp([server])
        }
    }

    @Test func asksTheNextNameserverWhenOneFails() async throws {
        let (failing, first) = try await ScriptedNameserver.start { answer($0, flags: 0x8182) }   // SERVFAIL
        let (working, second) = try await ScriptedNameserver.start { answer($0, srv: [(0, 0, 5223, "tls.iot.test")]) }
        defer { failing.close(promise: nil); working.close(promise: nil) }
        #expect(try await lookUp([first, second]).srvRecords.map(\.target) == ["tls.iot.test"])
        await #expect(throws: DNSLookupError.serverFailure(responseCode: 2,
                                                           from: "\(try SocketAddress(ipAddress: "127.0.0.1", port: first.port))")) {
            try await lookUp([first])
        }
    }

    @Test func reportsATruncatedAnswer() async throws {
        let (channel, server) = try await ScriptedNameserver.start { answer($0, flags: 0x8380) }
        defer { channel.close(promise: nil) }
        await #expect(throws: DNSLookupError.truncated(from: "\(try SocketAddress(ipAddress: "127.0.0.1", port: server.port))")) {
            try await lookUp([server])
        }
    }
}
