import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct PubSubEventNotificationTests {
    @Test func readsTheReadingsASubscriberReceives() throws {
        let stanza = try message(compact("""
            <message from='gw@example.net' to='ops@example.net/laptop' type='headline' id='n-88'>
              <event xmlns='http://jabber.org/protocol/pubsub#event'>
                <items node='urn:xmpp:iot:sensordata'><item id='thermo-1'>
                <fields xmlns='urn:xmpp:iot:sensordata' seqnr='0' done='true'><node nodeId='thermo-1'>
                <timestamp value='2025-03-01T10:15:00Z'>
                <numeric name='Temperature' momentary='true' automaticReadout='true' value='21.40' unit='°C'/>
                </timestamp></node></fields></item></items>
              </event></message>
            """))
        let event = try #require(try PubSubEventNotification(message: stanza))
        #expect(event.node == IoTNamespace.sensorData)
        #expect(event.items.map(\.id) == ["thermo-1"])
        let readings = try event.readings()
        #expect(readings.count == 1)
        #expect(readings[0].nodes.first?.node.nodeId == "thermo-1")
        #expect(readings[0].allFields.first?.value == .numeric(NumericValue(21.4, decimals: 2, unit: "°C")))
        #expect(readings[0].allFields.first?.value.humanText == "21.40 °C")
    }

    @Test func readsRetractionsAndIgnoresOtherMessages() throws {
        let stanza = try message("""
            <message type='headline'><event xmlns='http://jabber.org/protocol/pubsub#event'>\
            <items node='urn:xmpp:iot:sensordata'><retract id='thermo-1'/></items></event></message>
            """)
        let event = try #require(try PubSubEventNotification(message: stanza))
        #expect(event.retractedIds == ["thermo-1"] && event.items.isEmpty)
        #expect(try PubSubEventNotification(message: message("<message><body>hi</body></message>")) == nil)
        let broken = try message("<message><event xmlns='http://jabber.org/protocol/pubsub#event'/></message>")
        #expect(throws: IoTRequestError.self) { try PubSubEventNotification(message: broken) }
    }
}
