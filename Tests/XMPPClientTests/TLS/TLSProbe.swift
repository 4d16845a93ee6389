import NIOCore
@testable import XMPPClient

/// The application above an `OpenSSLTLSHandler` in the tests: reports the handshake's
/// outcome and what arrived, and on the server side echoes what it reads.
final class TLSProbe: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The session, or the first error the channel reported.
    let session: EventLoopPromise<TLSSessionInfo>
    /// Everything read, once `expectedByteCount` bytes are in.
    let received: EventLoopPromise<ByteBuffer>
    /// Completes when the channel goes inactive, with the error fired before, if any.
    let closed: EventLoopPromise<(any Error)?>
    private let expectedByteCount: Int
    private let echoes: Bool
    private var buffer = ByteBuffer()
    private var firstError: (any Error)?

    init(eventLoop: any EventLoop, expectedByteCount: Int = 0, echoes: Bool = false) {
        session = eventLoop.makePromise()
        received = eventLoop.makePromise()
        closed = eventLoop.makePromise()
        self.expectedByteCount = expectedByteCount
        self.echoes = echoes
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let completed = event as? TLSHandshakeCompleted {
            session.succeed(completed.session)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        if echoes {
            context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
        }
        buffer.writeBuffer(&bytes)
        if buffer.readableBytes >= expectedByteCount {
            received.succeed(buffer)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        firstError = firstError ?? error
        session.fail(error)
        received.fail(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        session.fail(ChannelError.eof)
        received.fail(ChannelError.eof)
        closed.succeed(firstError)
        context.fireChannelInactive()
    }
}
