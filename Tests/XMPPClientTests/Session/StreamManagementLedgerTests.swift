import Testing
@testable import XMPPClient

@Suite struct StreamManagementLedgerTests {
    private func stanza(_ id: Int) -> XMLElement {
        XMLElement("message", namespace: XMLNamespace.client, attributes: ["id": "m\(id)"])
    }

    @Test func dropsWhatTheServerAcknowledgesAndKeepsTheRest() throws {
        var ledger = StreamManagementLedger()
        for id in 1...5 { ledger.didSend(stanza(id)) }
        #expect(try ledger.acknowledge(2) == [stanza(1), stanza(2)])
        #expect(ledger.unacknowledged == [stanza(3), stanza(4), stanza(5)])
        #expect(try ledger.acknowledge(2) == [])
        #expect(try ledger.acknowledge(5).count == 3)
        #expect(ledger.unacknowledged.isEmpty)
    }

    @Test func wrapsTheInboundCounter() {
        var ledger = StreamManagementLedger(inboundHandled: 4_294_967_295, outboundSent: 0)
        ledger.didHandleInbound()
        #expect(ledger.inboundHandled == 0)
    }

    @Test func countsUnacknowledgedStanzasAcrossTheWrap() throws {
        // The brief's vector: sent counter 2 (wrapped), peer h 4294967295 → 3 unacknowledged.
        var ledger = StreamManagementLedger(inboundHandled: 0, outboundSent: 4_294_967_295)
        for id in 1...3 { ledger.didSend(stanza(id)) }
        #expect(ledger.outboundSent == 2)
        #expect(ledger.unacknowledged.count == 3)
        #expect(try ledger.acknowledge(1) == [stanza(1), stanza(2)])
        #expect(ledger.unacknowledged == [stanza(3)])
    }

    @Test func refusesAnAcknowledgementOfMoreThanWasSent() {
        var ledger = StreamManagementLedger()
        for id in 1...8 { ledger.didSend(stanza(id)) }
        #expect(throws: StreamManagementError.handledCountTooHigh(h: 10, sendCount: 8)) { try ledger.acknowledge(10) }
        #expect(ledger.unacknowledged.count == 8)
        let element = StreamManagementError.handledCountTooHigh(h: 10, sendCount: 8).element
        #expect(element.attribute("h") == "10" && element.attribute("send-count") == "8")
    }

    @Test func handsOverWhatIsLeftForResending() throws {
        var ledger = StreamManagementLedger()
        for id in 1...3 { ledger.didSend(stanza(id)) }
        try ledger.acknowledge(1)
        #expect(ledger.takeUnacknowledged() == [stanza(2), stanza(3)])
        #expect(ledger.unacknowledged.isEmpty)
        ledger.didSend(stanza(4))
        #expect(try ledger.acknowledge(4) == [stanza(4)])
    }
}
