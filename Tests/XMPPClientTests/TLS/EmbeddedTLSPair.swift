import NIOCore
import NIOEmbedded

/// Two connected `EmbeddedChannel`s with no network between them: `shuttle()` carries
/// each side's flushed bytes to the other until both are quiet. Deterministic, so a
/// test can stop between any two flights.
struct EmbeddedTLSPair {
    let client: EmbeddedChannel
    let server: EmbeddedChannel

    /// Both channels active, as after a TCP connect, with the handlers each closure
    /// makes for its channel's event loop.
    init(
        clientHandlers: (EmbeddedEventLoop) -> [any ChannelHandler],
        serverHandlers: (EmbeddedEventLoop) -> [any ChannelHandler]
    ) throws {
        let clientLoop = EmbeddedEventLoop()
        let serverLoop = EmbeddedEventLoop()
        client = EmbeddedChannel(handlers: clientHandlers(clientLoop), loop: clientLoop)
        server = EmbeddedChannel(handlers: serverHandlers(serverLoop), loop: serverLoop)
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: 5222)
        try server.connect(to: address).wait()
        try client.connect(to: address).wait()
    }

    func shuttle() throws {
        var moved = true
        while moved {
            moved = false
            while let bytes = try client.readOutbound(as: ByteBuffer.self) {
                if server.isActive { try server.writeInbound(bytes) }
                moved = true
            }
            while let bytes = try server.readOutbound(as: ByteBuffer.self) {
                if client.isActive { try client.writeInbound(bytes) }
                moved = true
            }
        }
    }
}
