import NIOCore

/// Waits on a UDP channel for the response to one query: the first datagram from the
/// nameserver that carries the query's id. Datagrams from elsewhere, or with another id
/// (a late answer to an earlier query), are ignored.
final class DNSQueryHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let id: UInt16
    private let nameserver: SocketAddress
    private let promise: EventLoopPromise<DNSMessage.Response>

    init(id: UInt16, nameserver: SocketAddress, promise: EventLoopPromise<DNSMessage.Response>) {
        self.id = id
        self.nameserver = nameserver
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard envelope.remoteAddress == nameserver else { return }
        let bytes = Array(envelope.data.readableBytesView)
        do {
            let response = try DNSMessage.parseResponse(bytes)
            guard response.id == id else { return }
            promise.succeed(response)
        } catch {
            // A datagram too broken to carry an id: if it was ours, waiting longer will
            // not fix it, and if not, the real answer is unlikely behind such a neighbour.
            promise.fail(DNSLookupError.malformedResponse(error, from: "\(nameserver)"))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // ICMP port unreachable and the like: no server there.
        promise.fail(DNSLookupError.sendFailed("\(error)"))
    }
}
