import Foundation
import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct ControlSetRequestTests {
    @Test func readsTheBriefsSetInDocumentOrder() throws {
        let request = try ControlSetRequest(iq: iq("""
            <iq type='set' id='c-5' from='ops@example.net/laptop' to='gw@example.net/thermo-1'>\
            <set xmlns='urn:xmpp:iot:control' xml:lang='en'><string name='Mode' value='heat'/>\
            <double name='Setpoint' value='21.5'/></set></iq>
            """))
        #expect(request.settings == [ControlSetting(name: "Mode", value: .string("heat")),
                                     ControlSetting(name: "Setpoint", value: .double(21.5))])
        #expect(request.dialect == .standard)
        #expect(try request.validated(against: ControlFixtures.thermostat) == request.settings)
    }

    @Test func readsSlixmppsSetWithANode() throws {
        let request = try ControlSetRequest(iq: iq("""
            <iq type="set" id="1" to="gw@example.net/thermo-1"><set xmlns="urn:xmpp:iot:control">\
            <node nodeId="thermo-1"/><double name="Setpoint" value="21.5"/></set></iq>
            """))
        #expect(request.nodes == [NodeReference(nodeId: "thermo-1")])
        #expect(request.unknownNodeIds(served: ["thermo-1"]).isEmpty)
        #expect(request.unknownNodeIds(served: ["hygro-2"]) == ["thermo-1"])
    }

    @Test func readsSmacksBoolAsBoolean() throws {
        let request = try ControlSetRequest(element("<set xmlns='urn:xmpp:iot:control'><bool name='Heating' value='true'/></set>"))
        #expect(request.dialect == .smack)
        #expect(try request.validated(against: ControlFixtures.thermostat) == [ControlSetting(name: "Heating", value: .boolean(true))])
    }

    @Test func widensAnIntToADeclaredDouble() throws {
        let request = try ControlSetRequest(element("<set xmlns='urn:xmpp:iot:control'><int name='Setpoint' value='21'/></set>"))
        #expect(try request.validated(against: ControlFixtures.thermostat) == [ControlSetting(name: "Setpoint", value: .double(21))])
    }

    @Test(arguments: [
        ("boolean", "0", ControlValue.boolean(false)),
        ("color", "FF8000", .color(ControlColor(red: 255, green: 128, blue: 0))),
        ("color", "ff800080", .color(ControlColor(red: 255, green: 128, blue: 0, alpha: 128))),
        ("date", "2025-03-01", .date("2025-03-01")),
        ("dateTime", "2025-03-01T08:00:00Z", .dateTime(XSDateTime(date("2025-03-01T08:00:00Z")))),
        ("double", "-1.5e1", .double(-15)),
        ("duration", "PT3M30S", .duration(XSDuration(seconds: 210))),
        ("int", "-2147483648", .int(Int32.min)),
        ("long", "9223372036854775807", .long(Int64.max)),
        ("string", "comfort", .string("comfort")),
        ("time", "08:00:00", .time("08:00:00")),
    ] as [(String, String, ControlValue)])
    func readsEveryParameterType(elementName: String, text: String, expected: ControlValue) throws {
        let request = try ControlSetRequest(element(
            "<set xmlns='urn:xmpp:iot:control'><\(elementName) name='P' value='\(text)'/></set>"))
        #expect(request.settings == [ControlSetting(name: "P", value: expected)])
        #expect(request.settings[0].value.type.rawValue == elementName)
    }

    @Test(arguments: [
        ("boolean", "yes"), ("color", "FF80"), ("color", "GG8000"), ("date", "01.03.2025"), ("dateTime", "2025-03-01"),
        ("double", "NaN"), ("double", "INF"), ("double", "warm"), ("duration", "3 minutes"), ("int", "2147483648"),
        ("int", "21.5"), ("long", "1e3"), ("time", "8 o'clock"),
    ])
    func refusesValuesOutsideTheirLexicalSpaceNamingTheParameter(elementName: String, text: String) throws {
        let input = try element("<set xmlns='urn:xmpp:iot:control'><\(elementName) name='P' value=\"\(text)\"/></set>")
        #expect { try ControlSetRequest(input) } throws: { error in
            let error = error as? IoTRequestError
            return error?.condition == .badRequest && error?.applicationCondition?.attribute("var") == "P"
        }
    }

    @Test(arguments: [
        "<set xmlns='urn:xmpp:iot:control'/>",
        "<set xmlns='urn:xmpp:iot:control'><enum name='Mode' value='heat'/></set>",
        "<set xmlns='urn:xmpp:iot:control'><double value='1'/></set>",
        "<set xmlns='urn:xmpp:iot:control'><double name='Setpoint'/></set>",
    ])
    func refusesMalformedSets(text: String) throws {
        let input = try element(text)
        #expect { try ControlSetRequest(input) } throws: { ($0 as? IoTRequestError)?.condition == .badRequest }
    }

    @Test func outOfRangeIsBadRequestWithParamError() throws {
        let request = try ControlSetRequest(element("<set xmlns='urn:xmpp:iot:control'><double name='Setpoint' value='45'/></set>"))
        #expect { try request.validated(against: ControlFixtures.thermostat) } throws: { error in
            guard let error = error as? ControlParameterError else { return false }
            let stanzaError = error.requestError.stanzaError
            return stanzaError.condition == .badRequest && stanzaError.kind == .modify
                && stanzaError.text == "Setpoint must be between 5.0 and 30.0 °C."
                && stanzaError.applicationCondition.map(xml)
                    == "<paramError xmlns='urn:xmpp:iot:control' var='Setpoint'>Out of range 5.0..30.0 °C</paramError>"
        }
    }

    @Test func unknownParameterIsItemNotFound() throws {
        let request = try ControlSetRequest(element("<set xmlns='urn:xmpp:iot:control'><double name='Nope' value='1'/></set>"))
        #expect { try request.validated(against: ControlFixtures.thermostat) } throws: { error in
            let requestError = (error as? ControlParameterError)?.requestError
            return requestError?.stanzaError.kind == .cancel && requestError?.condition == .itemNotFound
                && requestError?.applicationCondition?.attribute("var") == "Nope"
        }
    }

    @Test func readOnlyParameterIsNotAllowed() throws {
        let request = try ControlSetRequest(element("<set xmlns='urn:xmpp:iot:control'><double name='Temperature' value='1'/></set>"))
        #expect(throws: ControlParameterError(parameter: "Temperature", reason: .readOnly)) {
            try request.validated(against: ControlFixtures.thermostat)
        }
        #expect(ControlParameterError(parameter: "Temperature", reason: .readOnly).requestError.condition == .notAllowed)
    }

    @Test func wrongTypeAndUnknownChoiceAreBadRequest() throws {
        let wrongType = try ControlSetRequest(element("<set xmlns='urn:xmpp:iot:control'><boolean name='Setpoint' value='true'/></set>"))
        #expect(throws: ControlParameterError(parameter: "Setpoint", reason: .wrongType(expected: .double, got: .boolean))) {
            try wrongType.validated(against: ControlFixtures.thermostat)
        }
        let badChoice = try ControlSetRequest(element("<set xmlns='urn:xmpp:iot:control'><string name='Mode' value='turbo'/></set>"))
        #expect { try badChoice.validated(against: ControlFixtures.thermostat) } throws: { error in
            (error as? ControlParameterError)?.description == "Mode must be one of off, heat, cool, auto."
        }
    }

    @Test func nothingValidatesWhenAnyParameterFails() throws {
        let request = try ControlSetRequest(element("""
            <set xmlns='urn:xmpp:iot:control'><string name='Mode' value='heat'/><double name='Setpoint' value='99'/></set>
            """))
        #expect(throws: ControlParameterError.self) { try request.validated(against: ControlFixtures.thermostat) }
    }

    @Test func readsAFormSetAndValidatesItsFields() throws {
        let request = try ControlSetRequest(element("""
            <set xmlns='urn:xmpp:iot:control'><x xmlns='jabber:x:data' type='submit'>\
            <field var='Setpoint'><value>22</value></field></x></set>
            """))
        #expect(request.settings.isEmpty)
        #expect(try request.validated(against: ControlFixtures.thermostat) == [ControlSetting(name: "Setpoint", value: .double(22))])
    }

    @Test func readsASetCarriedByAMessage() throws {
        let stanza = try message("""
            <message from='ops@example.net/laptop' to='gw@example.net/thermo-1'>\
            <set xmlns='urn:xmpp:iot:control'><node nodeId='thermo-1'/><boolean name='Heating' value='false'/></set>\
            <no-store xmlns='urn:xmpp:hints'/></message>
            """)
        let request = try #require(try ControlSetRequest(message: stanza))
        #expect(request.settings == [ControlSetting(name: "Heating", value: .boolean(false))])
        #expect(try ControlSetRequest(message: message("<message><body>hello</body></message>")) == nil)
    }

    @Test func writesASetForAClient() {
        let request = ControlSetRequest(nodes: [NodeReference(nodeId: "thermo-1")],
                                        settings: [ControlSetting(name: "Setpoint", value: .double(19.5))])
        #expect(xml(request.element) == """
            <set xmlns='urn:xmpp:iot:control'><node nodeId='thermo-1'/><double name='Setpoint' value='19.5'/></set>
            """)
    }
}
