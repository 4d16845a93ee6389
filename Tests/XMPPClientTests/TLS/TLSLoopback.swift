import NIOCore
import NIOPosix
@testable import XMPPClient

/// A TLS server and client over real TCP on 127.0.0.1, one event-loop thread for both
/// as in the gateway. The server echoes; the client sends `message` right after
/// connecting, so it is held by the handler until the handshake completes.
struct TLSLoopback {
    struct Outcome {
        let client: Result<TLSSessionInfo, any Error>
        let server: Result<TLSSessionInfo, any Error>
        /// What the client read back: the server's echo of `message`.
        let echo: Result<String, any Error>
    }

    static let message = "<presence/> from the gateway"

    /// Runs one connection and closes it.
    static func run(server: TLSContext, client: TLSContext, serverName: String = "iot.test") async throws -> Outcome {
        try await withEventLoopGroup { group in
            try await run(server: server, client: client, serverName: serverName, group: group)
        }
    }

    /// A one-thread group, as in the gateway, shut down whatever `body` does.
    private static func withEventLoopGroup<Value>(
        _ body: (MultiThreadedEventLoopGroup) async throws -> Value
    ) async throws -> Value {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let value = try await body(group)
            try await group.shutdownGracefully()
            return value
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private static func run(
        server serverContext: TLSContext,
        client clientContext: TLSContext,
        serverName: String,
        group: MultiThreadedEventLoopGroup
    ) async throws -> Outcome {
        let loop = group.next()
        let serverSession = loop.makePromise(of: TLSSessionInfo.self)
        let listener = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let probe = TLSProbe(eventLoop: channel.eventLoop, echoes: true)
                    probe.session.futureResult.cascade(to: serverSession)
                    try channel.pipeline.syncOperations.addHandlers(OpenSSLTLSHandler(serverContext: serverContext), probe)
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = listener.localAddress?.port ?? 0
        let connected = try await connectClient(
            context: clientContext, serverName: serverName, port: port, group: group, send: message
        )
        let client = await result(connected.session)
        let echo = await result(connected.received).map { String(buffer: $0) }
        let server = await result(serverSession.futureResult)
        try? await connected.channel.close().get()
        try await listener.close().get()
        return Outcome(client: client, server: server, echo: echo)
    }

    /// Connects a client to a `ScriptedPeer` and returns how its handshake ended.
    static func runAgainstScriptedPeer(
        client: TLSContext,
        reply: String,
        closesAfterReply: Bool
    ) async throws -> Result<TLSSessionInfo, any Error> {
        try await withEventLoopGroup { group in
            let listener = try await ServerBootstrap(group: group)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            ScriptedPeer(reply: reply, closesAfterReply: closesAfterReply)
                        )
                    }
                }
                .bind(host: "127.0.0.1", port: 0).get()
            let connected = try await connectClient(
                context: client, serverName: "iot.test", port: listener.localAddress?.port ?? 0, group: group, send: ""
            )
            let session = await result(connected.session)
            // The client must close by itself: neither hang nor wait for the peer.
            try? await connected.channel.closeFuture.get()
            try await listener.close().get()
            return session
        }
    }

    /// A client channel and what its probe will report.
    private struct ConnectedClient: Sendable {
        let channel: any Channel
        let session: EventLoopFuture<TLSSessionInfo>
        let received: EventLoopFuture<ByteBuffer>
    }

    /// Connects a client whose probe expects `send` echoed back.
    private static func connectClient(
        context: TLSContext,
        serverName: String,
        port: Int,
        group: MultiThreadedEventLoopGroup,
        send: String
    ) async throws -> ConnectedClient {
        let loop = group.next()
        let session = loop.makePromise(of: TLSSessionInfo.self)
        let received = loop.makePromise(of: ByteBuffer.self)
        let channel = try await ClientBootstrap(group: loop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let probe = TLSProbe(eventLoop: channel.eventLoop, expectedByteCount: send.utf8.count)
                    probe.session.futureResult.cascade(to: session)
                    probe.received.futureResult.cascade(to: received)
                    try channel.pipeline.syncOperations.addHandlers(
                        OpenSSLTLSHandler(clientContext: context, serverName: serverName), probe
                    )
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        if !send.isEmpty {
            // Before the handshake has had its round trips: the handler must hold it.
            channel.writeAndFlush(ByteBuffer(string: send), promise: nil)
        }
        return ConnectedClient(channel: channel, session: session.futureResult, received: received.futureResult)
    }

    private static func result<Value: Sendable>(_ future: EventLoopFuture<Value>) async -> Result<Value, any Error> {
        do {
            return .success(try await future.get())
        } catch {
            return .failure(error)
        }
    }
}
