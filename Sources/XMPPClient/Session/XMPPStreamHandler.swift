import NIOCore

/// The NIO end of one XMPP connection: bytes in, stream events to the session; nothing
/// is decided here. Confined to its channel's event loop.
final class XMPPStreamHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private let core: SessionCore
    let connectionID: Int
    private var parser: XMLStreamParser

    init(core: SessionCore, connectionID: Int) {
        self.core = core
        self.connectionID = connectionID
        parser = XMLStreamParser()
    }

    /// A new XML document starts (after TLS and after SASL).
    func resetParser() {
        parser = XMLStreamParser()
    }

    func channelActive(context: ChannelHandlerContext) {
        core.connectionActive(connectionID)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let events = buffer.withUnsafeReadableBytes { parser.feed($0) }
        core.received(events, connectionID)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let completed = event as? TLSHandshakeCompleted {
            core.tlsEstablished(completed.session, connectionID)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        core.connectionFailed(error, connectionID)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        core.connectionClosed(connectionID)
        context.fireChannelInactive()
    }
}
