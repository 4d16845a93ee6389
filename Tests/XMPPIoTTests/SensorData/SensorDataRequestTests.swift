import Foundation
import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct SensorDataRequestTests {
    @Test func readsTheStandardRequest() throws {
        let request = try SensorDataRequest(iq: iq("""
            <iq type='get' id='r-31' from='ops@example.net/laptop' to='gw@example.net/thermo-1'>\
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='7' momentary='true' status='true'/></iq>
            """))
        #expect(request.seqnr == "7")
        #expect(request.fieldTypes == [.momentary, .status])
        #expect(request.nodes.isEmpty && request.fieldNames.isEmpty)
        #expect(request.dialect == .standard)
        #expect(request.addresses(nodeId: "thermo-1"))
    }

    @Test func readsSlixmppsRequestWithNaiveWhenNodeAndField() throws {
        let request = try SensorDataRequest(iq: iq("""
            <iq id="1" type="get" to="gw@example.net/thermo-1"><req xmlns="urn:xmpp:iot:sensordata" seqnr="1" \
            momentary="true" when="2025-03-01T10:00:00"><node nodeId="thermo-1"/><field name="Temperature"/></req></iq>
            """))
        #expect(request.dialect == .slixmpp)
        #expect(request.when == XSDateTime(date("2025-03-01T10:00:00Z"), hasTimeZone: false))
        #expect(request.nodes == [NodeReference(nodeId: "thermo-1")])
        #expect(request.fieldNames == ["Temperature"])
        #expect(request.isQueued(now: date("2025-03-01T09:59:00Z")))
        #expect(!request.isQueued(now: date("2025-03-01T10:00:00Z")))
    }

    @Test func recognisesTheGoldenSlixmppRequestByItsId() throws {
        let request = try SensorDataRequest(iq: iq(
            "<iq type='get' id='3'><req xmlns='urn:xmpp:iot:sensordata' seqnr='3' momentary='true'/></iq>"))
        #expect(request.dialect == .slixmpp)
        #expect(request.fieldTypes == .momentary)
    }

    @Test func recognisesSmacksBareMomentaryRequest() throws {
        let request = try SensorDataRequest(iq: iq("""
            <iq type='get' id='Lr3x0-12' from='ops@example.net/smack' to='gw@example.net/thermo-1'>\
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='1' momentary='true'/></iq>
            """))
        #expect(request.dialect == .smack)
        #expect(request.seqnr == "1")
    }

    @Test func acceptsOneAsABoolean() throws {
        let request = try SensorDataRequest(element("<req xmlns='urn:xmpp:iot:sensordata' seqnr='4' momentary='1'/>"))
        #expect(request.fieldTypes == .momentary)
    }

    @Test func defaultsToMomentaryStatusAndIdentity() throws {
        let request = try SensorDataRequest(element("<req xmlns='urn:xmpp:iot:sensordata' seqnr='5'/>"))
        #expect(request.fieldTypes == [.momentary, .status, .identity])
    }

    @Test func readsAllHistoricalAndTheIdentificationMisspelling() throws {
        let all = try SensorDataRequest(element("<req xmlns='urn:xmpp:iot:sensordata' seqnr='5' all='true'/>"))
        #expect(all.fieldTypes == .all)
        let historical = try SensorDataRequest(element("""
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='6' historical='true' from='2025-02-01T00:00:00Z' \
            to='2025-03-01T00:00:00Z'/>
            """))
        #expect(historical.fieldTypes == .historical)
        #expect(historical.from?.date == date("2025-02-01T00:00:00Z"))
        let identity = try SensorDataRequest(element("<req xmlns='urn:xmpp:iot:sensordata' seqnr='7' identification='true'/>"))
        #expect(identity.fieldTypes == .identity)
    }

    @Test(arguments: [
        "<req xmlns='urn:xmpp:iot:sensordata' momentary='true'/>",
        "<req xmlns='urn:xmpp:iot:sensordata' seqnr='seven'/>",
        "<req xmlns='urn:xmpp:iot:sensordata' seqnr='1' momentary='yes'/>",
        "<req xmlns='urn:xmpp:iot:sensordata' seqnr='1' when='tomorrow'/>",
        "<req xmlns='urn:xmpp:iot:sensordata' seqnr='1' from='2025-03-02T00:00:00Z' to='2025-03-01T00:00:00Z'/>",
        "<req xmlns='urn:xmpp:iot:sensordata' seqnr='1'><field/></req>",
        "<req xmlns='urn:xmpp:sn' seqnr='1'/>",
    ])
    func refusesMalformedRequestsWithBadRequest(text: String) throws {
        let input = try element(text)
        #expect { try SensorDataRequest(input) } throws: { error in
            (error as? IoTRequestError)?.condition == .badRequest
        }
    }

    @Test func namesUnknownNodes() throws {
        let request = try SensorDataRequest(element("""
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='3' momentary='true'><node nodeId='nope'/></req>
            """))
        #expect(request.unknownNodeIds(served: ["thermo-1"]) == ["nope"])
        #expect(!request.addresses(nodeId: "thermo-1"))
    }

    @Test func readsARequestCarriedByAMessage() throws {
        let request = try #require(try SensorDataRequest(message: message("""
            <message from='ops@example.net/laptop'><req xmlns='urn:xmpp:iot:sensordata' seqnr='9' peak='true'/></message>
            """)))
        #expect(request.fieldTypes == .peak)
        #expect(try SensorDataRequest(message: message("<message><body>hi</body></message>")) == nil)
    }

    @Test func filtersFieldsByNameTypeAndRange() {
        let now = date("2025-03-01T10:15:00Z")
        var request = SensorDataRequest(seqnr: "1", fieldNames: ["Temperature", "Energy"], fieldTypes: [.momentary, .historicalDay],
                                        from: XSDateTime(date("2025-02-01T00:00:00Z")), to: XSDateTime(now))
        let temperature = SensorField(name: "Temperature", value: .numeric(NumericValue(21.4, decimals: 2, unit: "°C")), timestamp: now)
        let battery = SensorField(name: "Battery", value: .int(87), timestamp: now, types: .status)
        let energyInRange = SensorField(name: "Energy", value: .numeric(NumericValue(1523.7, unit: "kWh")),
                                        timestamp: date("2025-02-28T00:00:00Z"), types: .historicalDay)
        let energyTooOld = SensorField(name: "Energy", value: .numeric(NumericValue(1400, unit: "kWh")),
                                       timestamp: date("2025-01-28T00:00:00Z"), types: .historicalDay)
        #expect(request.wants(temperature))
        #expect(!request.wants(battery))
        #expect(request.wants(energyInRange))
        #expect(!request.wants(energyTooOld))
        request.fieldTypes = .status
        #expect(!request.wants(temperature))
        request.fieldNames = []
        #expect(request.wants(battery))
    }

    @Test func writesARequestForAClient() {
        let request = SensorDataRequest(seqnr: "2", nodes: [NodeReference(nodeId: "thermo-1")], fieldNames: ["Setpoint"],
                                        fieldTypes: .momentary, when: XSDateTime(date("2025-03-01T10:00:00Z")))
        #expect(xml(request.element) == """
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='2' momentary='true' when='2025-03-01T10:00:00Z'>\
            <node nodeId='thermo-1'/><field name='Setpoint'/></req>
            """)
    }
}
