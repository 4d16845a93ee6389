import Foundation
import Testing
@testable import XMPPIoT

@Suite struct SensorValueTests {
    let stamp = date("2025-03-01T10:15:00Z")

    @Test(arguments: [
        (SensorValue.numeric(NumericValue(21.4, decimals: 2, unit: "°C")),
         "<numeric xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='21.40' unit='°C'/>"),
        (.numeric(NumericValue(2.1000000000000001, decimals: 1, unit: "V")),
         "<numeric xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='2.1' unit='V'/>"),
        (.numeric(NumericValue(0.1 + 0.2, decimals: 2)),
         "<numeric xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='0.30' unit=''/>"),
        (.boolean(false), "<boolean xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='false'/>"),
        (.string("a & b"), "<string xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='a &amp; b'/>"),
        (.enumeration("eco", dataType: "gw.Preset"),
         "<enum xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='eco' dataType='gw.Preset'/>"),
        (.int(-3), "<int xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='-3'/>"),
        (.long(9_000_000_000), "<long xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='9000000000'/>"),
        (.dateTime(date("2025-03-01T06:00:00Z")),
         "<dateTime xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='2025-03-01T06:00:00Z'/>"),
        (.date("2025-03-01"), "<date xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='2025-03-01'/>"),
        (.time("06:30:00"), "<time xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='06:30:00'/>"),
        (.duration(XSDuration(seconds: 90)), "<duration xmlns='urn:xmpp:iot:sensordata' name='F' momentary='true' value='PT1M30S'/>"),
    ] as [(SensorValue, String)])
    func rendersEveryValueType(value: SensorValue, expected: String) {
        #expect(xml(SensorField(name: "F", value: value, timestamp: stamp, quality: []).element()) == expected)
    }

    @Test func flagsComeInSchemaOrderAndStaleIsAWarning() {
        let field = SensorField(name: "T", value: .int(1), timestamp: stamp, types: [.identity, .momentary],
                                quality: .stale, writable: true)
        #expect(xml(field.element()) == """
            <int xmlns='urn:xmpp:iot:sensordata' name='T' momentary='true' identity='true' automaticReadout='true' \
            warning='true' writable='true' value='1'/>
            """)
    }

    @Test func readsIdentificationAsIdentity() throws {
        let field = try #require(try SensorField(element("""
            <string xmlns='urn:xmpp:iot:sensordata' name='Serial' identification='true' value='X1'/>
            """), timestamp: stamp))
        #expect(field.types == .identity)
    }

    @Test func keepsThePrecisionOfReceivedNumbers() throws {
        #expect(NumericValue(lexical: "21.40", unit: "°C")?.lexical == "21.40")
        #expect(NumericValue(lexical: "21")?.lexical == "21")
        #expect(NumericValue(lexical: "2.5E1")?.lexical == "25")
        #expect(NumericValue(lexical: "NaN") == nil)
        #expect(NumericValue(lexical: "INF") == nil)
        #expect(NumericValue(21.4, decimals: 2, unit: "°C").humanText == "21.40 °C")
    }
}
