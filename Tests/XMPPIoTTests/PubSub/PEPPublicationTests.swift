import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct PEPPublicationTests {
    let stamp = date("2025-03-01T10:15:00Z")

    @Test func publishesReadingsWithThePortablePublishOptions() throws {
        let publication = PEPPublication.readings(deviceId: "thermo-1", fields: [
            SensorField(name: "Temperature", value: .numeric(NumericValue(21.4, decimals: 2, unit: "°C")), timestamp: stamp),
            SensorField(name: "Setpoint", value: .numeric(NumericValue(21.5, decimals: 1, unit: "°C")), timestamp: stamp,
                        quality: [], writable: true),
        ])
        #expect(wire(publication.iq(id: "pub-41").element) == compact("""
            <iq type='set' id='pub-41'>
              <pubsub xmlns='http://jabber.org/protocol/pubsub'>
                <publish node='urn:xmpp:iot:sensordata'>
                  <item id='thermo-1'>
                    <fields xmlns='urn:xmpp:iot:sensordata' seqnr='0' done='true'><node nodeId='thermo-1'>
                      <timestamp value='2025-03-01T10:15:00Z'>
                        <numeric name='Temperature' momentary='true' automaticReadout='true' value='21.40' unit='°C'/>
                        <numeric name='Setpoint' momentary='true' writable='true' value='21.5' unit='°C'/>
                      </timestamp></node></fields>
                  </item>
                </publish>
                <publish-options><x xmlns='jabber:x:data' type='submit'>
                  <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>
                  <field var='pubsub#persist_items'><value>true</value></field>
                  <field var='pubsub#access_model'><value>presence</value></field>
                </x></publish-options>
              </pubsub>
            </iq>
            """))
    }

    @Test func publishesToAServiceWithoutOptionsWhenAsked() throws {
        let service = try JID("pubsub.example.net")
        let publication = PEPPublication.readings(deviceId: "thermo-1", fields: [], options: nil, service: service)
        let request = publication.iq(id: "p2")
        #expect(request.to == service)
        #expect(request.payload?.element("publish-options", namespace: IoTNamespace.pubsub) == nil)
    }

    @Test func configuresMaxItemsByNodeConfiguration() throws {
        let configure = PubSubNodeConfiguration(maxItems: "64").configureIQ(node: IoTNamespace.sensorData, id: "k2")
        #expect(wire(configure.element) == compact("""
            <iq type='set' id='k2'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'>
              <configure node='urn:xmpp:iot:sensordata'><x xmlns='jabber:x:data' type='submit'>
                <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
                <field var='pubsub#max_items'><value>64</value></field></x></configure></pubsub></iq>
            """))
        #expect(wire(PubSubNodeConfiguration.requestIQ(node: IoTNamespace.sensorData, id: "k1").element) == """
            <iq type='get' id='k1'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'>\
            <configure node='urn:xmpp:iot:sensordata'/></pubsub></iq>
            """)
    }

    @Test func createsANodeOnAServiceWithItsConfiguration() throws {
        let service = try JID("pubsub.example.net")
        let create = PubSubNodeConfiguration(maxItems: "3", accessModel: .presence, persistItems: true)
            .createIQ(node: IoTNamespace.sensorData, id: "c1", service: service)
        #expect(wire(create.element) == compact("""
            <iq type='set' id='c1' to='pubsub.example.net'><pubsub xmlns='http://jabber.org/protocol/pubsub'>
              <create node='urn:xmpp:iot:sensordata'/><configure><x xmlns='jabber:x:data' type='submit'>
                <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
                <field var='pubsub#max_items'><value>3</value></field>
                <field var='pubsub#access_model'><value>presence</value></field>
                <field var='pubsub#persist_items'><value>true</value></field></x></configure></pubsub></iq>
            """))
    }

    @Test func readsTheCurrentConfiguration() throws {
        let result = try iq(compact("""
            <iq type='result' id='k1'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'>
            <configure node='urn:xmpp:iot:sensordata'><x xmlns='jabber:x:data' type='form'>
            <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#node_config</value></field>
            <field var='pubsub#max_items' type='text-single'><value>1</value></field>
            <field var='pubsub#access_model' type='list-single'><value>presence</value></field>
            <field var='pubsub#persist_items' type='boolean'><value>1</value></field></x></configure></pubsub></iq>
            """))
        let configuration = try #require(try PubSubNodeConfiguration(result: result))
        #expect(configuration == PubSubNodeConfiguration(maxItems: "1", accessModel: .presence, persistItems: true))
        #expect(configuration.maxItemCount == 1)
        #expect(PubSubNodeConfiguration(maxItems: "max").maxItemCount == Int.max)
    }

    @Test func classifiesPubSubErrors() {
        let precondition = StanzaError(.conflict, applicationCondition:
            XMLElement("precondition-not-met", namespace: IoTNamespace.pubsubErrors))
        #expect(PubSubFailure(precondition) == .preconditionNotMet)
        #expect(PubSubFailure(StanzaError(.conflict)) == .other(.conflict))
        #expect(PubSubFailure(StanzaError(.itemNotFound)) == .nodeMissing)
        #expect(PubSubFailure(StanzaError(.resourceConstraint, text: "pubsub#max_items")) == .publishOptionRefused)
        #expect(PubSubFailure(StanzaError(.notAuthorized)) == .notPermitted)
        #expect(PubSubFailure(StanzaError(.notAcceptable)) == .notAcceptable)
    }
}
