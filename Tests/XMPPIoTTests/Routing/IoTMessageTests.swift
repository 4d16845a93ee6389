import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct IoTMessageTests {
    @Test func aDelayedControlMessageIsRecognisedAsDelayed() throws {
        let stanza = try message("""
            <message from='ops@example.net/laptop'><set xmlns='urn:xmpp:iot:control'>\
            <boolean name='Heating' value='true'/></set><delay xmlns='urn:xmpp:delay' stamp='2025-03-01T10:05:00Z'/></message>
            """)
        guard case .controlSet(let request, let delay)? = try IoTMessage(message: stanza) else {
            Issue.record("not a control message")
            return
        }
        #expect(request.settings.count == 1)
        #expect(delay?.isOlder(than: .seconds(60), now: date("2025-03-01T10:15:00Z")) == true)
    }

    @Test func classifiesChatReadoutAndEvents() throws {
        let chat = try message("<message type='chat' from='ops@example.net/phone'><body>living 21.5</body></message>")
        #expect(try IoTMessage(message: chat) == .chat("living 21.5", delay: nil))
        let readout = try message("<message><req xmlns='urn:xmpp:iot:sensordata' seqnr='2'/></message>")
        guard case .readout(let request)? = try IoTMessage(message: readout) else {
            Issue.record("not a readout")
            return
        }
        #expect(request.seqnr == "2")
        let event = try message("""
            <message type='headline'><event xmlns='http://jabber.org/protocol/pubsub#event'>\
            <items node='urn:xmpp:iot:sensordata'/></event></message>
            """)
        #expect(try IoTMessage(message: event) == .pubsubEvent(PubSubEventNotification(node: IoTNamespace.sensorData, items: [])))
    }

    @Test func ignoresWhatIsNotForTheIoTLayer() throws {
        #expect(try IoTMessage(message: message("<message type='chat'><active xmlns='http://jabber.org/protocol/chatstates'/></message>")) == nil)
        #expect(try IoTMessage(message: message("<message type='error'><body>x</body></message>")) == nil)
        #expect(try IoTMessage(message: message("<message type='groupchat'><body>living off</body></message>")) == nil)
        #expect(try IoTMessage(message: message("<message type='chat'><body>   </body></message>")) == nil)
    }

    @Test func aMalformedControlMessageThrowsForTheLog() throws {
        let stanza = try message("<message><set xmlns='urn:xmpp:iot:control'><double name='S' value='hot'/></set></message>")
        #expect(throws: IoTRequestError.self) { try IoTMessage(message: stanza) }
    }
}
