import NIOCore
import NIOPosix

/// Sends one SRV query over UDP to each nameserver in turn until one answers — on the
/// event loop, without blocking it.
struct DNSClient: Sendable {
    var nameservers: [Nameserver]
    /// How long to wait for each nameserver.
    var timeout: Duration

    func srvRecords(for name: String, on eventLoop: EventLoop) -> EventLoopFuture<DNSMessage.Response> {
        query(name, servers: nameservers[...], lastError: nil, on: eventLoop)
    }

    private func query(_ name: String, servers: ArraySlice<Nameserver>, lastError: Error?,
                       on eventLoop: EventLoop) -> EventLoopFuture<DNSMessage.Response> {
        guard let server = servers.first else {
            return eventLoop.makeFailedFuture(lastError ?? DNSLookupError.sendFailed("no nameserver configured"))
        }
        return query(name, server: server, on: eventLoop).flatMapError { error in
            query(name, servers: servers.dropFirst(), lastError: error, on: eventLoop)
        }
    }

    private func query(_ name: String, server: Nameserver, on eventLoop: EventLoop) -> EventLoopFuture<DNSMessage.Response> {
        let id = UInt16.random(in: .min ... .max)
        let address: SocketAddress
        let message: [UInt8]
        do {
            address = try SocketAddress(ipAddress: server.host, port: server.port)
            message = try DNSMessage.query(id: id, name: name, type: DNSMessage.srvType)
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
        let promise = eventLoop.makePromise(of: DNSMessage.Response.self)
        let timeout = timeout
        let bindHost = address.protocol == .inet6 ? "::" : "0.0.0.0"
        DatagramBootstrap(group: eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DNSQueryHandler(id: id, nameserver: address, promise: promise))
                }
            }
            .bind(host: bindHost, port: 0)
            .whenComplete { result in
                switch result {
                case .success(let channel):
                    let expiry = eventLoop.scheduleTask(in: TimeAmount(timeout)) {
                        promise.fail(DNSLookupError.noAnswer(from: "\(address)", within: timeout))
                    }
                    promise.futureResult.whenComplete { _ in
                        expiry.cancel()
                        channel.close(promise: nil)
                    }
                    channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: ByteBuffer(bytes: message)))
                        .whenFailure { promise.fail(DNSLookupError.sendFailed("\($0)")) }
                case .failure(let error):
                    promise.fail(DNSLookupError.sendFailed("\(error)"))
                }
            }
        return promise.futureResult.flatMapThrowing { response in
            if response.isTruncated { throw DNSLookupError.truncated(from: "\(address)") }
            // 3 is NXDOMAIN: the service name does not exist, an answer like any other.
            guard response.responseCode == 0 || response.responseCode == 3 else {
                throw DNSLookupError.serverFailure(responseCode: response.responseCode, from: "\(address)")
            }
            return response
        }
    }
}
