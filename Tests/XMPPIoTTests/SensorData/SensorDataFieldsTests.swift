import Foundation
import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct SensorDataFieldsTests {
    @Test func readsSlixmppsReadoutWithTimeSpanAndMissingUnit() throws {
        let stanza = try message("""
            <message><fields xmlns="urn:xmpp:iot:sensordata" seqnr="1" done="true"><node nodeId="thermo-1">\
            <timestamp value="2025-03-01T10:00:00"><numeric unit="°C" name="Temperature" value="21.4" \
            automaticReadout="true" momentary="true"/><timeSpan name="Uptime" value="PT5H" status="true"/>\
            <numeric name="Count" value="3"/><enum dataType="thermo.Mode" name="Mode" value="heat"/></timestamp></node></fields></message>
            """)
        let fields = try SensorDataFields(#require(stanza.payload("fields", namespace: IoTNamespace.sensorData)))
        #expect(fields.seqnr == "1" && fields.done)
        let all = fields.allFields
        #expect(all.map(\.name) == ["Temperature", "Uptime", "Count", "Mode"])
        #expect(all[0].value == .numeric(NumericValue(21.4, decimals: 1, unit: "°C")))
        #expect(all[0].types == .momentary && all[0].quality == .automaticReadout)
        #expect(all[0].timestamp == date("2025-03-01T10:00:00Z"))
        #expect(all[1].value == .duration(XSDuration(seconds: 18_000)) && all[1].types == .status)
        #expect(all[2].value == .numeric(NumericValue(3, decimals: 0, unit: "")))
        #expect(all[3].value == .enumeration("heat", dataType: "thermo.Mode"))
    }

    @Test func readsSmacksNodeWithoutIdAndMillisecondTimestamps() throws {
        let fields = try SensorDataFields(element("""
            <fields xmlns='urn:xmpp:iot:sensordata' seqnr='1' done='true'><node><timestamp value='2025-03-01T10:15:00.123Z'>\
            <int name='Battery' value='87'/><boolean name='Heating' value='1'/></timestamp></node></fields>
            """))
        #expect(fields.nodes.first?.node.nodeId == nil)
        #expect(fields.allFields.map(\.value) == [.int(87), .boolean(true)])
    }

    @Test func readsTheEmptyFinalFieldsAndSkipsUnknownElements() throws {
        let empty = try SensorDataFields(element("<fields xmlns='urn:xmpp:iot:sensordata' seqnr='6' done='true'/>"))
        #expect(empty.done && empty.nodes.isEmpty)
        let odd = try SensorDataFields(element("""
            <fields xmlns='urn:xmpp:iot:sensordata' seqnr='2'><node nodeId='n'><timestamp value='2025-03-01T10:15:00Z'>\
            <hologram name='x' value='y'/><string name='Serial' identity='true' value='A1'/></timestamp></node></fields>
            """))
        #expect(odd.allFields.map(\.name) == ["Serial"])
        #expect(!odd.done)
    }

    @Test(arguments: [
        "<fields xmlns='urn:xmpp:iot:sensordata'/>",
        "<fields xmlns='urn:xmpp:iot:sensordata' seqnr='1'><node><timestamp value='noon'/></node></fields>",
        "<fields xmlns='urn:xmpp:iot:sensordata' seqnr='1'><node><timestamp value='2025-03-01T10:15:00Z'><int name='a' value='x'/></timestamp></node></fields>",
        "<fields xmlns='urn:xmpp:iot:sensordata' seqnr='1'><node><timestamp value='2025-03-01T10:15:00Z'><int value='1'/></timestamp></node></fields>",
        "<fields xmlns='urn:xmpp:iot:sensordata' seqnr='1'><node><timestamp value='2025-03-01T10:15:00Z'><boolean name='b'/></timestamp></node></fields>",
    ])
    func refusesMalformedFields(text: String) throws {
        let input = try element(text)
        #expect(throws: IoTRequestError.self) { try SensorDataFields(input) }
    }

    @Test func roundTripsEveryValueTypeAndFlag() throws {
        let stamp = date("2025-03-01T10:15:00Z")
        let fields = [
            SensorField(name: "a", value: .numeric(NumericValue(-0.5, decimals: 3, unit: "m³/h")), timestamp: stamp,
                        types: [.momentary, .peak], quality: [.manualEstimate, .timeOffset]),
            SensorField(name: "b", value: .boolean(false), timestamp: stamp, types: .computed, quality: .missing),
            SensorField(name: "c", value: .string("x<y"), timestamp: stamp, types: .identity, quality: [.signed, .invoiced]),
            SensorField(name: "d", value: .dateTime(stamp), timestamp: stamp, quality: [.invoiceConfirmed, .endOfSeries]),
            SensorField(name: "e", value: .long(-7), timestamp: stamp, types: [.status, .historicalDay], quality: .powerFailure),
            SensorField(name: "f", value: .time("08:00:00"), timestamp: stamp, quality: [.inProgress, .error]),
            SensorField(name: "g", value: .date("2025-03-01"), timestamp: stamp.addingTimeInterval(60), quality: .stale,
                        module: "gw", stringIds: "1|gw|x"),
        ]
        let original = SensorDataFields(seqnr: "5", done: true, nodeId: "n", fields: fields)
        #expect(try SensorDataFields(original.element()) == original)
    }

    @Test func fieldsStampedWithinOneSecondShareOneTimestampBlock() throws {
        let stamp = date("2025-03-01T10:15:00Z")
        let fields = [0.0, 0.000_2, 0.9, 1.0].enumerated().map { index, offset in
            SensorField(name: "f\(index)", value: .int(Int32(index)), timestamp: stamp.addingTimeInterval(offset))
        }
        let node = try #require(SensorDataFields(seqnr: "1", done: true, nodeId: "n", fields: fields).element().elements.first)
        let blocks = node.elements("timestamp", namespace: IoTNamespace.sensorData)
        #expect(blocks.map { $0.attribute("value") } == ["2025-03-01T10:15:00Z", "2025-03-01T10:15:01Z"])
        #expect(blocks.map { $0.elements.compactMap { $0.attribute("name") } } == [["f0", "f1", "f2"], ["f3"]])
    }
}
