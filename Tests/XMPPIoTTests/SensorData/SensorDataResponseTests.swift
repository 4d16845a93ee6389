import Foundation
import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct SensorDataResponseTests {
    let stamp = date("2025-03-01T10:15:00Z")

    var thermostatFields: [SensorField] {
        [
            SensorField(name: "Temperature", value: .numeric(NumericValue(21.4, decimals: 2, unit: "°C")), timestamp: stamp),
            SensorField(name: "Setpoint", value: .numeric(NumericValue(21.5, decimals: 1, unit: "°C")), timestamp: stamp,
                        quality: [], writable: true),
            SensorField(name: "Heating", value: .boolean(true), timestamp: stamp, quality: [], writable: true),
            SensorField(name: "Mode", value: .enumeration("heat", dataType: "gw.ThermostatMode"), timestamp: stamp,
                        types: .status, quality: []),
            SensorField(name: "Battery", value: .int(87), timestamp: stamp, types: .status, quality: []),
        ]
    }

    @Test func acceptsInTheBriefsShape() throws {
        let request = try iq("""
            <iq type='get' id='r-31' from='ops@example.net/laptop' to='gw@example.net/thermo-1'>\
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='7' momentary='true' status='true'/></iq>
            """)
        #expect(wire(request.result(SensorDataResponse.accepted("7")).element) == """
            <iq type='result' id='r-31' to='ops@example.net/laptop'><accepted xmlns='urn:xmpp:iot:sensordata' seqnr='7'/></iq>
            """)
        #expect(xml(SensorDataResponse.accepted("1", queued: true))
            == "<accepted xmlns='urn:xmpp:iot:sensordata' seqnr='1' queued='true'/>")
        let scheduled = SensorDataRequest(seqnr: "1", when: XSDateTime(date("2025-03-01T10:00:00Z"), hasTimeZone: false))
        #expect(xml(SensorDataResponse.accepted(scheduled, now: date("2025-03-01T09:00:00Z")))
            == "<accepted xmlns='urn:xmpp:iot:sensordata' seqnr='1' queued='true'/>")
        #expect(xml(SensorDataResponse.accepted(scheduled, now: date("2025-03-01T10:00:01Z")))
            == "<accepted xmlns='urn:xmpp:iot:sensordata' seqnr='1'/>")
        #expect(xml(SensorDataResponse.started("4")) == "<started xmlns='urn:xmpp:iot:sensordata' seqnr='4'/>")
        #expect(xml(SensorDataResponse.cancelled("9")) == "<cancelled xmlns='urn:xmpp:iot:sensordata' seqnr='9'/>")
        #expect(xml(SensorDataResponse.done("9")) == "<done xmlns='urn:xmpp:iot:sensordata' seqnr='9'/>")
    }

    @Test func writesTheBriefsReadoutMessage() throws {
        let payloads = SensorDataResponse.fieldMessages(seqnr: "7", node: NodeReference(nodeId: "thermo-1"), fields: thermostatFields)
        #expect(payloads.count == 1)
        let stanza = Message(from: try JID("gw@example.net/thermo-1"), to: try JID("ops@example.net/laptop"), payloads: payloads)
        #expect(wire(stanza.element) == compact("""
            <message from='gw@example.net/thermo-1' to='ops@example.net/laptop'>
              <fields xmlns='urn:xmpp:iot:sensordata' seqnr='7' done='true'>
                <node nodeId='thermo-1'>
                  <timestamp value='2025-03-01T10:15:00Z'>
                    <numeric name='Temperature' momentary='true' automaticReadout='true' value='21.40' unit='°C'/>
                    <numeric name='Setpoint' momentary='true' writable='true' value='21.5' unit='°C'/>
                    <boolean name='Heating' momentary='true' writable='true' value='true'/>
                    <enum name='Mode' status='true' value='heat' dataType='gw.ThermostatMode'/>
                    <int name='Battery' status='true' value='87'/>
                  </timestamp></node></fields></message>
            """))
    }

    @Test func writesTheGoldenSlixmppReadout() {
        let humidity = SensorField(name: "Humidity", value: .numeric(NumericValue(48.5, decimals: 1, unit: "%")),
                                   timestamp: date("2025-03-01T11:00:00Z"))
        let payloads = SensorDataResponse.fieldMessages(seqnr: "3", node: NodeReference(nodeId: "hygro-2"), fields: [humidity],
                                                        dialect: .slixmpp)
        #expect(payloads.map(xml) == [compact("""
            <fields xmlns='urn:xmpp:iot:sensordata' seqnr='3' done='true'><node nodeId='hygro-2'><timestamp value='2025-03-01T11:00:00'>
              <numeric name='Humidity' momentary='true' automaticReadout='true' value='48.5' unit='%'/></timestamp></node></fields>
            """)])
    }

    @Test func writesTheGoldenHistoricalReadoutAndItsEmptyEnd() {
        let energy = SensorField(name: "Energy", value: .numeric(NumericValue(1523.7, decimals: 1, unit: "kWh")),
                                 timestamp: date("2025-02-28T00:00:00Z"), types: .historicalDay, quality: [])
        let partial = SensorDataFields(seqnr: "6", done: false, nodeId: "meter-1", fields: [energy])
        #expect(xml(partial.element(dialect: .slixmpp)) == compact("""
            <fields xmlns='urn:xmpp:iot:sensordata' seqnr='6'><node nodeId='meter-1'><timestamp value='2025-02-28T00:00:00'>
              <numeric name='Energy' historicalDay='true' value='1523.7' unit='kWh'/></timestamp></node></fields>
            """))
        #expect(SensorDataResponse.fieldMessages(seqnr: "6", node: NodeReference(nodeId: "meter-1"), fields: []).map(xml)
            == ["<fields xmlns='urn:xmpp:iot:sensordata' seqnr='6' done='true'/>"])
    }

    @Test func mapsTypesSlixmppWouldDrop() {
        let fields = [
            SensorField(name: "Battery", value: .int(87), timestamp: stamp, types: .status, quality: []),
            SensorField(name: "Counter", value: .long(5_000_000_000), timestamp: stamp, quality: []),
            SensorField(name: "Uptime", value: .duration(XSDuration(seconds: 18_000)), timestamp: stamp, types: .status, quality: []),
            SensorField(name: "Installed", value: .date("2024-11-02"), timestamp: stamp, types: .identity, quality: []),
            SensorField(name: "WakeUp", value: .time("06:30:00"), timestamp: stamp, quality: []),
        ]
        let legacy = xml(SensorDataFields(seqnr: "1", done: true, nodeId: "thermo-1", fields: fields).element(dialect: .slixmpp))
        #expect(legacy.contains("<numeric name='Battery' status='true' value='87' unit=''/>"))
        #expect(legacy.contains("<numeric name='Counter' momentary='true' value='5000000000' unit=''/>"))
        #expect(legacy.contains("<timeSpan name='Uptime' status='true' value='PT5H'/>"))
        #expect(legacy.contains("<string name='Installed' identity='true' value='2024-11-02'/>"))
        #expect(legacy.contains("<string name='WakeUp' momentary='true' value='06:30:00'/>"))
        let standard = xml(SensorDataFields(seqnr: "1", done: true, nodeId: "thermo-1", fields: fields).element())
        #expect(standard.contains("<int name='Battery' status='true' value='87'/>"))
        #expect(standard.contains("<long name='Counter' momentary='true' value='5000000000'/>"))
        #expect(standard.contains("<duration name='Uptime' status='true' value='PT5H'/>"))
        #expect(standard.contains("<date name='Installed' identity='true' value='2024-11-02'/>"))
        #expect(standard.contains("<time name='WakeUp' momentary='true' value='06:30:00'/>"))
    }

    @Test func splitsLargeReadoutsAndMarksOnlyTheLastDone() throws {
        let fields = (0..<250).map { index in
            SensorField(name: "Channel\(index)", value: .numeric(NumericValue(Double(index), decimals: 0, unit: "V")), timestamp: stamp)
        }
        let payloads = SensorDataResponse.fieldMessages(seqnr: "11", node: NodeReference(nodeId: "adc-1"), fields: fields,
                                                        maxFieldsPerMessage: 100)
        let parsed = try payloads.map(SensorDataFields.init)
        #expect(parsed.map(\.allFields.count) == [100, 100, 50])
        #expect(parsed.map(\.done) == [false, false, true])
        #expect(parsed.allSatisfy { $0.seqnr == "11" })
    }

    @Test func sendsSlixmppOneMessagePerTimestamp() throws {
        let fields = [
            SensorField(name: "Energy", value: .numeric(NumericValue(1, unit: "kWh")), timestamp: date("2025-02-27T00:00:00Z"), types: .historicalDay),
            SensorField(name: "Energy", value: .numeric(NumericValue(2, unit: "kWh")), timestamp: date("2025-02-28T00:00:00Z"), types: .historicalDay),
        ]
        let payloads = SensorDataResponse.fieldMessages(seqnr: "6", node: NodeReference(nodeId: "meter-1"), fields: fields,
                                                        dialect: .slixmpp)
        #expect(try payloads.map { try SensorDataFields($0).done } == [false, true])
    }

    @Test func writesTheBriefsFailure() {
        let failure = SensorDataResponse.failure("8", errors: [
            SensorReadoutError(nodeId: "thermo-1", timestamp: date("2025-03-01T10:16:02Z"), text: "I2C read timeout at 0x44"),
        ])
        #expect(xml(failure) == compact("""
            <failure xmlns='urn:xmpp:iot:sensordata' seqnr='8' done='true'>
            <error nodeId='thermo-1' timestamp='2025-03-01T10:16:02Z'>I2C read timeout at 0x44</error></failure>
            """))
    }

    @Test func rejectsWithAStanzaErrorAndForSlixmppAlsoTheOldShape() throws {
        let request = try iq("""
            <iq type='get' id='1' from='tester@example.net/slix' to='gw@example.net/thermo-1'>\
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='1' momentary='true'><node nodeId='hygro-9'/></req></iq>
            """)
        let legacy = SensorDataResponse.rejection(answering: request, seqnr: "1", error: .itemNotFound("Unknown node"), dialect: .slixmpp)
        #expect(wire(legacy.element) == compact("""
            <iq type='error' id='1' to='tester@example.net/slix'>
              <rejected xmlns='urn:xmpp:iot:sensordata' seqnr='1'><error>Unknown node</error></rejected>
              <error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>
                <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>Unknown node</text></error></iq>
            """))
        let standard = SensorDataResponse.rejection(answering: request, seqnr: "1", error: .forbidden("Not on the access list."),
                                                    dialect: .standard)
        #expect(wire(standard.element) == compact("""
            <iq type='error' id='1' to='tester@example.net/slix'>
              <error type='cancel'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>
                <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>Not on the access list.</text></error></iq>
            """))
    }

    @Test func readsACancelAndRefusesOneWithoutSeqnr() throws {
        #expect(try SensorDataResponse.cancelSeqnr(element("<cancel xmlns='urn:xmpp:iot:sensordata' seqnr='9'/>")) == "9")
        let bad = try element("<cancel xmlns='urn:xmpp:iot:sensordata'/>")
        #expect(throws: IoTRequestError.badRequest("The <cancel> has no seqnr.")) { try SensorDataResponse.cancelSeqnr(bad) }
    }
}
