import NIOCore

/// TLS on OpenSSL as a channel handler: ciphertext below it, plaintext above it.
///
/// It starts the handshake as soon as it is in a pipeline whose channel is active, so the
/// same handler serves Direct TLS (added when the channel is set up) and STARTTLS (added
/// `.before` the XMPP handler after `<proceed/>`). Writes issued before the handshake
/// completes are held and sent, in order, right after it. Completion is announced with
/// the user inbound event `TLSHandshakeCompleted`; every failure is fired as a `TLSError`
/// and closes the channel.
///
/// A client verifies the server's certificate chain, that it names `serverName`, and the
/// context's SPKI pins, all within the handshake; plaintext flows only after all pass.
///
/// Closing sends close_notify and closes at once, without waiting for the peer's
/// (RFC 8446 §6.1 allows it; XMPP's own `</stream:stream>` exchange already tells a
/// complete stream from a truncated one). A received close_notify is answered and the
/// channel closed.
///
/// Not Sendable: like every handler it lives on its channel's event loop; add it from
/// there with `pipeline.syncOperations`.
public final class OpenSSLTLSHandler: ChannelDuplexHandler {
    public typealias InboundIn = ByteBuffer
    public typealias InboundOut = ByteBuffer
    public typealias OutboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    private enum State {
        /// In a pipeline whose channel is not yet active.
        case idle
        case handshaking(TLSConnection)
        case established(TLSConnection)
        /// Failed, closed or removed; the OpenSSL objects are freed.
        case closed
    }

    private struct PendingWrite {
        var plaintext: ByteBuffer
        var promise: EventLoopPromise<Void>?
    }

    private let tlsContext: TLSContext
    private let serverName: String?
    private var state = State.idle
    private var pendingWrites: [PendingWrite] = []
    private var flushPending = false

    /// A client handler.
    ///
    /// - Parameter serverName: the XMPP domain (the JID's domain part, as ASCII
    ///   A-labels if internationalized), never the SRV target or the address connected
    ///   to: it is sent as SNI, and the certificate must be valid for it.
    public init(clientContext: TLSContext, serverName: String) {
        precondition(clientContext.role == .client, "OpenSSLTLSHandler(clientContext:) needs a client TLSContext")
        tlsContext = clientContext
        self.serverName = serverName
    }

    /// A server handler, for test servers.
    public init(serverContext: TLSContext) {
        precondition(serverContext.role == .server, "OpenSSLTLSHandler(serverContext:) needs a server TLSContext")
        tlsContext = serverContext
        serverName = nil
    }

    // MARK: Lifecycle

    public func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive {
            startHandshake(context: context)
        }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        state = .closed
        failPendingWrites(ChannelError.ioOnClosedChannel)
    }

    public func channelActive(context: ChannelHandlerContext) {
        if case .idle = state {
            startHandshake(context: context)
        }
        context.fireChannelActive()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        let wasHandshaking = if case .handshaking = state { true } else { false }
        state = .closed
        if wasHandshaking {
            failPendingWrites(TLSError.peerClosed)
            context.fireErrorCaught(TLSError.peerClosed)
        } else {
            failPendingWrites(ChannelError.ioOnClosedChannel)
        }
        context.fireChannelInactive()
    }

    // MARK: Inbound

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .idle = state {
            startHandshake(context: context)
        }
        let ciphertext = unwrapInboundIn(data)
        switch state {
        case .idle, .closed:
            return
        case .handshaking(let connection):
            do {
                try connection.receive(ciphertext)
            } catch {
                fail(context: context, error: error)
                return
            }
            advanceHandshake(context: context, connection: connection)
        case .established(let connection):
            do {
                try connection.receive(ciphertext)
            } catch {
                fail(context: context, error: error)
                return
            }
            deliverPlaintext(context: context, connection: connection)
        }
    }

    // MARK: Outbound

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let plaintext = unwrapOutboundIn(data)
        switch state {
        case .idle, .handshaking:
            pendingWrites.append(PendingWrite(plaintext: plaintext, promise: promise))
        case .established(let connection):
            encryptAndWrite(context: context, connection: connection, plaintext: plaintext, promise: promise)
        case .closed:
            promise?.fail(ChannelError.ioOnClosedChannel)
        }
    }

    public func flush(context: ChannelHandlerContext) {
        switch state {
        case .idle, .handshaking:
            flushPending = true
        case .established, .closed:
            context.flush()
        }
    }

    public func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        switch (mode, state) {
        case (.input, _), (_, .closed):
            break
        case (_, .established(let connection)):
            connection.shutdown()
            sendCiphertext(context: context, connection: connection)
            if mode == .all {
                state = .closed
            }
        case (_, .idle), (_, .handshaking):
            // Without a completed handshake there is no TLS session left to use.
            state = .closed
            failPendingWrites(ChannelError.ioOnClosedChannel)
        }
        context.close(mode: mode, promise: promise)
    }

    // MARK: Handshake

    private func startHandshake(context: ChannelHandlerContext) {
        do {
            let connection = try TLSConnection(context: tlsContext, serverName: serverName)
            state = .handshaking(connection)
            advanceHandshake(context: context, connection: connection)
        } catch {
            fail(context: context, error: error)
        }
    }

    private func advanceHandshake(context: ChannelHandlerContext, connection: TLSConnection) {
        switch connection.handshake() {
        case .needsMoreData:
            sendCiphertext(context: context, connection: connection)
            // Needed when autoRead is off; a no-op otherwise.
            context.read()
        case .failed(let error):
            // The alert OpenSSL queued tells the peer why.
            sendCiphertext(context: context, connection: connection)
            fail(context: context, error: error)
        case .completed:
            guard let session = connection.sessionInfo() else {
                fail(context: context, error: TLSError.handshakeFailed(openSSLError: "unknown protocol version negotiated"))
                return
            }
            sendCiphertext(context: context, connection: connection)
            guard isCurrent(connection) else { return }
            state = .established(connection)
            writePendingWrites(context: context, connection: connection)
            guard isCurrent(connection) else { return }
            context.fireUserInboundEventTriggered(TLSHandshakeCompleted(session: session))
            // Application data may have arrived with the peer's last handshake flight.
            guard isCurrent(connection) else { return }
            deliverPlaintext(context: context, connection: connection)
        }
    }

    private func writePendingWrites(context: ChannelHandlerContext, connection: TLSConnection) {
        let writes = pendingWrites
        pendingWrites = []
        for write in writes {
            guard isCurrent(connection) else {
                write.promise?.fail(ChannelError.ioOnClosedChannel)
                continue
            }
            encryptAndWrite(context: context, connection: connection, plaintext: write.plaintext, promise: write.promise)
        }
        if flushPending, isCurrent(connection) {
            flushPending = false
            context.flush()
        }
    }

    // MARK: Application data

    private func deliverPlaintext(context: ChannelHandlerContext, connection: TLSConnection) {
        var plaintext = context.channel.allocator.buffer(capacity: 0)
        let outcome = connection.read(into: &plaintext)
        // Whatever OpenSSL owes the peer now (a TLS 1.3 KeyUpdate answer) goes out.
        sendCiphertext(context: context, connection: connection)
        if plaintext.readableBytes > 0, isCurrent(connection) {
            context.fireChannelRead(wrapInboundOut(plaintext))
        }
        guard isCurrent(connection) else { return }
        switch outcome {
        case .needsMoreData:
            break
        case .closeNotifyReceived:
            connection.shutdown()
            sendCiphertext(context: context, connection: connection)
            state = .closed
            context.close(promise: nil)
        case .failed(let error):
            fail(context: context, error: error)
        }
    }

    private func encryptAndWrite(
        context: ChannelHandlerContext,
        connection: TLSConnection,
        plaintext: ByteBuffer,
        promise: EventLoopPromise<Void>?
    ) {
        do {
            try connection.write(plaintext)
        } catch {
            promise?.fail(error)
            fail(context: context, error: error)
            return
        }
        // An empty write still goes down, so its promise completes in order.
        let ciphertext = connection.takeCiphertext(allocator: context.channel.allocator)
            ?? context.channel.allocator.buffer(capacity: 0)
        context.write(wrapOutboundOut(ciphertext), promise: promise)
    }

    private func sendCiphertext(context: ChannelHandlerContext, connection: TLSConnection) {
        guard let ciphertext = connection.takeCiphertext(allocator: context.channel.allocator) else { return }
        context.writeAndFlush(wrapOutboundOut(ciphertext), promise: nil)
    }

    // MARK: Failure

    /// The OpenSSL connection while one exists; `nil` before the handshake starts and once
    /// it is freed.
    var activeConnection: TLSConnection? {
        switch state {
        case .handshaking(let connection), .established(let connection): connection
        case .idle, .closed: nil
        }
    }

    /// Whether `connection` is still the one in use: any call out of this handler may
    /// have closed the channel or failed the connection meanwhile.
    private func isCurrent(_ connection: TLSConnection) -> Bool {
        activeConnection === connection
    }

    private func fail(context: ChannelHandlerContext, error: any Error) {
        state = .closed
        failPendingWrites(error)
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }

    private func failPendingWrites(_ error: any Error) {
        let writes = pendingWrites
        pendingWrites = []
        flushPending = false
        for write in writes {
            write.promise?.fail(error)
        }
    }
}

@available(*, unavailable)
extension OpenSSLTLSHandler: Sendable {}
