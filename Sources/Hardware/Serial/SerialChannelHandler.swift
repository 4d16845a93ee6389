import Glibc
import NIOCore

/// The one handler in a serial port's channel: it hands received bytes to the port's
/// `received` stream and ends that stream once, with the reason the port ended.
///
/// A vanished device shows up in one of two ways: the kernel hangs the tty up, so `read`
/// returns end-of-file and poll reports POLLHUP (an unplugged USB adapter; a pty whose
/// controlling side closed), or `read` fails with EIO, ENODEV or ENXIO. NIO closes the
/// channel after either; both end the port as `.gone`, once, instead of a loop of errors.
final class SerialChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Sent down the pipeline to close the port, saying why.
    enum Closing: Sendable {
        case byOwner
        case because(SerialPortError)
    }

    private let path: String
    private let continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation
    private let ending: SerialPortEnding
    private var reason: SerialPortError?

    init(
        path: String,
        continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation,
        ending: SerialPortEnding
    ) {
        self.path = path
        self.continuation = continuation
        self.ending = ending
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        continuation.yield(Array(buffer.readableBytesView))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if reason == nil {
            reason = classify(error)
        }
        context.close(promise: nil)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let closing = event as? Closing else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        if reason == nil {
            switch closing {
            case .byOwner: reason = .closed(path: path)
            case .because(let error): reason = error
            }
        }
        context.close(promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        // Inactive without a reason: end-of-file, which a tty reports after a hang-up.
        let final = reason ?? .gone(path: path)
        ending.record(final)
        if case .closed = final {
            continuation.finish()
        } else {
            continuation.finish(throwing: final)
        }
        context.fireChannelInactive()
    }

    private func classify(_ error: any Error) -> SerialPortError {
        guard let ioError = error as? IOError else {
            return .readFailed(path: path, reason: "\(error)")
        }
        switch ioError.errnoCode {
        // ECONNRESET is what NIO reports for a hang-up (EPOLLHUP) on a descriptor that is no socket.
        case EIO, ENODEV, ENXIO, ECONNRESET:
            return .gone(path: path)
        default:
            return .readFailed(path: path, reason: SystemErrorCode(ioError.errnoCode).description)
        }
    }
}
