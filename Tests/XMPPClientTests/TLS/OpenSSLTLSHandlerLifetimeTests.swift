import NIOCore
import NIOPosix
import Testing
@testable import XMPPClient

@Suite("OpenSSLTLSHandler lifetime", .timeLimit(.minutes(1)))
struct OpenSSLTLSHandlerLifetimeTests {
    /// Weak references to every handler and OpenSSL connection the test made.
    private final class Census {
        private var handlers: [Weak] = []
        private var connections: [Weak] = []

        private struct Weak {
            weak var object: AnyObject?
        }

        func track(handler: OpenSSLTLSHandler) {
            handlers.append(Weak(object: handler))
        }

        func track(connectionOf handler: OpenSSLTLSHandler) {
            connections.append(Weak(object: handler.activeConnection))
        }

        var counts: (handlers: Int, connections: Int) { (handlers.count, connections.count) }
        var alive: (handlers: Int, connections: Int) {
            (handlers.count { $0.object != nil }, connections.count { $0.object != nil })
        }
    }

    /// Records the connection of the TLS handler below it once the handshake completes.
    private final class ConnectionSpotter: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        private let census: NIOLoopBoundBox<Census>
        private let handler: OpenSSLTLSHandler

        init(census: NIOLoopBoundBox<Census>, handler: OpenSSLTLSHandler) {
            self.census = census
            self.handler = handler
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if event is TLSHandshakeCompleted {
                census.value.track(connectionOf: handler)
            }
            context.fireUserInboundEventTriggered(event)
        }
    }

    @Test("50 connections opened, used and closed leave no handler and no OpenSSL connection behind")
    func fiftyConnections() async throws {
        let connectionCount = 50
        let certificates = try TestCertificates.get()
        let serverContext = try TLSContext(
            serverCertificateChainFile: certificates.iotTest.certificatePath, privateKeyFile: certificates.iotTest.keyPath
        )
        let clientContext = try TLSContext(trustRoots: .caFile(path: certificates.ca.certificatePath))
        // One thread, as in the gateway: every channel and the census share its loop.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let loop = group.next()
        let (census, accepted) = try await loop.submit {
            (NIOLoopBoundBox(Census(), eventLoop: loop), NIOLoopBoundBox(0, eventLoop: loop))
        }.get()
        let serverClosed = (0 ..< connectionCount).map { _ in loop.makePromise(of: Void.self) }

        @Sendable func instrumented(_ handler: OpenSSLTLSHandler, then probe: TLSProbe, on channel: any Channel) throws {
            census.value.track(handler: handler)
            try channel.pipeline.syncOperations.addHandlers(handler, ConnectionSpotter(census: census, handler: handler), probe)
        }

        let listener = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let probe = TLSProbe(eventLoop: channel.eventLoop, echoes: true)
                    probe.closed.futureResult.map { _ in }.cascade(to: serverClosed[accepted.value])
                    accepted.value += 1
                    try instrumented(OpenSSLTLSHandler(serverContext: serverContext), then: probe, on: channel)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = listener.localAddress?.port ?? 0

        var clients: [(channel: any Channel, received: EventLoopFuture<ByteBuffer>)] = []
        for index in 0 ..< connectionCount {
            let message = "<message id='\(index)'/>"
            let received = loop.makePromise(of: ByteBuffer.self)
            let channel = try await ClientBootstrap(group: loop)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let probe = TLSProbe(eventLoop: channel.eventLoop, expectedByteCount: message.utf8.count)
                        probe.received.futureResult.cascade(to: received)
                        try instrumented(
                            OpenSSLTLSHandler(clientContext: clientContext, serverName: "iot.test"), then: probe, on: channel
                        )
                    }
                }
                .connect(host: "127.0.0.1", port: port).get()
            channel.writeAndFlush(ByteBuffer(string: message), promise: nil)
            clients.append((channel, received.futureResult))
        }
        for (index, client) in clients.enumerated() {
            #expect(String(buffer: try await client.received.get()) == "<message id='\(index)'/>")
        }
        let opened = try await loop.submit { census.value.counts }.get()
        #expect(opened.handlers == 2 * connectionCount)
        #expect(opened.connections == 2 * connectionCount)

        for client in clients {
            try await client.channel.close().get()
        }
        for closed in serverClosed {
            try await closed.futureResult.get()
        }
        clients.removeAll()
        try await listener.close().get()
        // Queued behind the pipelines' teardown on the same loop.
        let alive = try await loop.submit { census.value.alive }.get()
        #expect(alive.handlers == 0)
        #expect(alive.connections == 0)
        try await group.shutdownGracefully()
    }
}
