import Testing
@testable import XMPPClient

@Suite struct OutboundBatchTests {
    @Test func anEmptyBatchWritesNothing() {
        var batch = OutboundBatch()
        #expect(batch.isEmpty)
        #expect(batch.take(handled: 3) == nil)
    }

    @Test func stanzasOfOneTickLeaveTogetherInOrder() {
        var batch = OutboundBatch()
        batch.append("<iq type='result' id='1'/>")
        batch.append("<message><fields/></message>")
        #expect(batch.take(handled: 0) == "<iq type='result' id='1'/><message><fields/></message>")
        #expect(batch.isEmpty)
    }

    @Test func theOwedAckRidesAfterTheReplyWithTheCountAtLeaving() {
        var batch = OutboundBatch()
        batch.ackRequested()
        #expect(!batch.isEmpty && batch.owesAck)
        batch.append("<iq type='result' id='7'/>")
        #expect(batch.take(handled: 12) == "<iq type='result' id='7'/><a xmlns='urn:xmpp:sm:3' h='12'/>")
        #expect(!batch.owesAck)
        #expect(batch.take(handled: 13) == nil)
    }

    @Test func anAckWithNothingToCarryItLeavesAlone() {
        var batch = OutboundBatch()
        batch.ackRequested()
        batch.ackRequested()
        #expect(batch.take(handled: 4_294_967_295) == "<a xmlns='urn:xmpp:sm:3' h='4294967295'/>")
    }
}
