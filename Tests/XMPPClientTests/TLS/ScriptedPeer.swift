import NIOCore

/// A TCP peer that does not speak TLS: on the first bytes it reads, it sends `reply` and,
/// if told to, closes. Stands in for a misconfigured or hostile server.
final class ScriptedPeer: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let reply: String
    private let closesAfterReply: Bool
    private var replied = false

    init(reply: String, closesAfterReply: Bool) {
        self.reply = reply
        self.closesAfterReply = closesAfterReply
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !replied else { return }
        replied = true
        if !reply.isEmpty {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: reply)), promise: nil)
        }
        if closesAfterReply {
            context.close(promise: nil)
        }
    }
}
