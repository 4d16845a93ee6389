import NIOCore
import NIOEmbedded
import Testing
@testable import XMPPClient

/// The answer to the server's `<r/>`: it waits up to `ackAnswerDelay` for a reply to ride
/// with, and leaves alone when none comes. Time is the embedded loop's, moved by hand.
@Suite struct AckAnswerTimerTests {
    let loop = EmbeddedEventLoop()
    let channel: EmbeddedChannel
    let core: SessionCore
    let connection: SessionCore.Connection

    init() throws {
        channel = EmbeddedChannel(loop: loop)
        let configuration = ClientConfiguration(
            account: try JID("device@iot.test"), password: "unused", resource: "probe", tls: try TLSContext())
        core = SessionCore(configuration: configuration, eventLoop: loop, events: AsyncStream.makeStream(of: SessionEvent.self).continuation)
        connection = SessionCore.Connection(
            id: 1, endpoint: .init(host: "127.0.0.1", port: 5222), channel: channel,
            handler: XMPPStreamHandler(core: core, connectionID: 1))
    }

    @Test func aLoneAckLeavesWhenTheDelayIsOver() throws {
        core.oweAck(on: connection)
        loop.advanceTime(by: SessionCore.ackAnswerDelay - .milliseconds(1))
        #expect(try written().isEmpty, "the ack left before its delay was over")
        loop.advanceTime(by: .milliseconds(1))
        #expect(try written() == ["<a xmlns='urn:xmpp:sm:3' h='0'/>"])
        loop.advanceTime(by: .seconds(1))
        #expect(try written().isEmpty, "the ack left twice")
    }

    @Test func anAckRidesWithAReplyAndItsTimerIsDropped() throws {
        core.oweAck(on: connection)
        loop.advanceTime(by: .milliseconds(5))
        core.enqueue("<iq type='result' id='7'/>", on: connection)
        loop.run()
        #expect(try written() == ["<iq type='result' id='7'/><a xmlns='urn:xmpp:sm:3' h='0'/>"])
        loop.advanceTime(by: SessionCore.ackAnswerDelay)
        #expect(try written().isEmpty, "the timer wrote an ack that had left already")
    }

    @Test func twoRequestsBeforeTheDelayAreAnsweredOnce() throws {
        core.oweAck(on: connection)
        loop.advanceTime(by: .milliseconds(10))
        core.oweAck(on: connection)
        loop.advanceTime(by: .milliseconds(10))
        #expect(try written() == ["<a xmlns='urn:xmpp:sm:3' h='0'/>"], "the second request restarted the delay or added an ack")
    }

    /// Everything the session wrote since the last call, one string per write.
    private func written() throws -> [String] {
        var writes: [String] = []
        while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
            writes.append(buffer.readString(length: buffer.readableBytes) ?? "")
        }
        return writes
    }
}
