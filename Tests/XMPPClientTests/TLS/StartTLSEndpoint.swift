import NIOCore
@testable import XMPPClient

/// The plaintext half of an XMPP STARTTLS exchange, reduced to two lines: the client
/// sends `<starttls/>`, the server answers `<proceed/>`, and each then inserts an
/// `OpenSSLTLSHandler` before itself on its already active channel, as the XMPP handler
/// does.
final class StartTLSEndpoint: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    static let request = "<starttls/>"
    static let answer = "<proceed/>"

    private let makeTLSHandler: () -> OpenSSLTLSHandler
    private let isClient: Bool
    private var plaintextDone = false
    /// What arrived before TLS, in order.
    private(set) var plaintextReceived: [String] = []

    init(isClient: Bool, makeTLSHandler: @escaping () -> OpenSSLTLSHandler) {
        self.isClient = isClient
        self.makeTLSHandler = makeTLSHandler
    }

    func channelActive(context: ChannelHandlerContext) {
        if isClient {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: Self.request)), promise: nil)
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !plaintextDone else {
            context.fireChannelRead(data)
            return
        }
        plaintextDone = true
        plaintextReceived.append(String(buffer: unwrapInboundIn(data)))
        if !isClient {
            // The answer must leave in plaintext, so before TLS is in place.
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: Self.answer)), promise: nil)
        }
        do {
            try context.pipeline.syncOperations.addHandler(makeTLSHandler(), position: .before(self))
        } catch {
            context.fireErrorCaught(error)
        }
    }
}
