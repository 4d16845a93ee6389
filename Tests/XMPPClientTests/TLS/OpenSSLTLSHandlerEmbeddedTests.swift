import NIOCore
import NIOEmbedded
import Testing
@testable import XMPPClient

@Suite("OpenSSLTLSHandler on embedded channels")
struct OpenSSLTLSHandlerEmbeddedTests {
    let certificates: TestCertificates
    let serverContext: TLSContext
    let clientContext: TLSContext

    init() throws {
        certificates = try TestCertificates.get()
        serverContext = try TLSContext(
            serverCertificateChainFile: certificates.iotTest.certificatePath, privateKeyFile: certificates.iotTest.keyPath
        )
        clientContext = try TLSContext(trustRoots: .caFile(path: certificates.ca.certificatePath))
    }

    @Test("STARTTLS: a plaintext exchange, then the handler inserted mid-stream on both sides, then TLS")
    func startTLS() throws {
        var clientStartTLS: StartTLSEndpoint?
        var serverStartTLS: StartTLSEndpoint?
        var clientProbe: TLSProbe?
        var serverProbe: TLSProbe?
        let pair = try EmbeddedTLSPair(
            clientHandlers: { loop in
                let probe = TLSProbe(eventLoop: loop, expectedByteCount: 6)
                let startTLS = StartTLSEndpoint(isClient: true) { [clientContext] in
                    OpenSSLTLSHandler(clientContext: clientContext, serverName: "iot.test")
                }
                (clientStartTLS, clientProbe) = (startTLS, probe)
                return [startTLS, probe]
            },
            serverHandlers: { loop in
                let probe = TLSProbe(eventLoop: loop, echoes: true)
                let startTLS = StartTLSEndpoint(isClient: false) { [serverContext] in
                    OpenSSLTLSHandler(serverContext: serverContext)
                }
                (serverStartTLS, serverProbe) = (startTLS, probe)
                return [startTLS, probe]
            }
        )
        try pair.shuttle()
        #expect(serverStartTLS?.plaintextReceived == [StartTLSEndpoint.request])
        #expect(clientStartTLS?.plaintextReceived == [StartTLSEndpoint.answer])
        let clientSession = try #require(clientProbe?.session.futureResult).wait()
        let serverSession = try #require(serverProbe?.session.futureResult).wait()
        #expect(clientSession.channelBinding(.tlsExporter) == serverSession.channelBinding(.tlsExporter))

        try pair.client.writeAndFlush(ByteBuffer(string: "secret")).wait()
        try pair.shuttle()
        let echoed = try #require(clientProbe?.received.futureResult).wait()
        #expect(String(buffer: echoed) == "secret")
    }

    @Test("writes issued before the handshake completes go out after it, in order")
    func heldWrites() throws {
        var clientProbe: TLSProbe?
        let pair = try makeDirectTLSPair(clientProbe: &clientProbe, expectedEcho: "onetwothree")
        let first = pair.client.write(ByteBuffer(string: "one"))
        pair.client.write(ByteBuffer(string: "two"), promise: nil)
        pair.client.writeAndFlush(ByteBuffer(string: "three"), promise: nil)
        // The ClientHello only: nothing of the application may have left yet.
        let firstFlight = try pair.client.readOutbound(as: ByteBuffer.self)
        let hello = try #require(firstFlight)
        #expect(hello.getInteger(at: 0, as: UInt8.self) == 22)
        #expect(try pair.client.readOutbound(as: ByteBuffer.self) == nil)
        try pair.server.writeInbound(hello)
        try pair.shuttle()
        try first.wait()
        let echoed = try #require(clientProbe?.received.futureResult).wait()
        #expect(String(buffer: echoed) == "onetwothree")
    }

    @Test("a failed handshake fails the held writes with the reason")
    func heldWritesFail() throws {
        let distrustingClient = try TLSContext(trustRoots: .caFile(path: certificates.otherCA.certificatePath))
        let pair = try EmbeddedTLSPair(
            clientHandlers: { loop in
                [OpenSSLTLSHandler(clientContext: distrustingClient, serverName: "iot.test"), TLSProbe(eventLoop: loop)]
            },
            serverHandlers: { loop in [OpenSSLTLSHandler(serverContext: serverContext), TLSProbe(eventLoop: loop)] }
        )
        let write = pair.client.writeAndFlush(ByteBuffer(string: "<message/>"))
        try pair.shuttle()
        #expect(throws: TLSError.certificateUntrusted(reason: "unable to get local issuer certificate")) {
            try write.wait()
        }
        #expect(!pair.client.isActive)
    }

    @Test("closing sends close_notify; the peer answers it and closes too; the OpenSSL objects are freed")
    func closeNotify() throws {
        var clientProbe: TLSProbe?
        var serverProbe: TLSProbe?
        let clientHandler = OpenSSLTLSHandler(clientContext: clientContext, serverName: "iot.test")
        let serverHandler = OpenSSLTLSHandler(serverContext: serverContext)
        let pair = try EmbeddedTLSPair(
            clientHandlers: { loop in
                let probe = TLSProbe(eventLoop: loop)
                clientProbe = probe
                return [clientHandler, probe]
            },
            serverHandlers: { loop in
                let probe = TLSProbe(eventLoop: loop)
                serverProbe = probe
                return [serverHandler, probe]
            }
        )
        try pair.shuttle()
        _ = try #require(clientProbe?.session.futureResult).wait()
        weak let clientConnection = clientHandler.activeConnection
        weak let serverConnection = serverHandler.activeConnection
        #expect(clientConnection != nil)
        #expect(serverConnection != nil)

        try pair.client.close().wait()
        let lastFlight = try pair.client.readOutbound(as: ByteBuffer.self)
        let closeNotify = try #require(lastFlight)
        try pair.server.writeInbound(closeNotify)
        #expect(!pair.server.isActive)
        // A clean close: no error before the channel went inactive.
        let serverError = try #require(serverProbe?.closed.futureResult).wait()
        #expect(serverError == nil)
        #expect(clientConnection == nil)
        #expect(serverConnection == nil)
        #expect(clientHandler.activeConnection == nil)
    }

    @Test("writes after close fail instead of leaving in plaintext")
    func writeAfterClose() throws {
        var clientProbe: TLSProbe?
        let pair = try makeDirectTLSPair(clientProbe: &clientProbe, expectedEcho: "")
        try pair.shuttle()
        try pair.client.close().wait()
        #expect(throws: ChannelError.self) {
            try pair.client.writeAndFlush(ByteBuffer(string: "late")).wait()
        }
    }

    private func makeDirectTLSPair(clientProbe: inout TLSProbe?, expectedEcho: String) throws -> EmbeddedTLSPair {
        var probe: TLSProbe?
        let pair = try EmbeddedTLSPair(
            clientHandlers: { [clientContext] loop in
                let made = TLSProbe(eventLoop: loop, expectedByteCount: expectedEcho.utf8.count)
                probe = made
                return [OpenSSLTLSHandler(clientContext: clientContext, serverName: "iot.test"), made]
            },
            serverHandlers: { [serverContext] loop in
                [OpenSSLTLSHandler(serverContext: serverContext), TLSProbe(eventLoop: loop, echoes: true)]
            }
        )
        clientProbe = probe
        return pair
    }
}
