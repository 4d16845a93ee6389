import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct ControlSetResponseTests {
    @Test func answersSuccessInEachDialect() throws {
        let request = try iq("""
            <iq type='set' id='c-5' from='ops@example.net/laptop' to='gw@example.net/thermo-1'>\
            <set xmlns='urn:xmpp:iot:control'><double name='Setpoint' value='21.5'/></set></iq>
            """)
        #expect(wire(request.result(ControlSetResponse.success()).element) == """
            <iq type='result' id='c-5' to='ops@example.net/laptop'><setResponse xmlns='urn:xmpp:iot:control'/></iq>
            """)
        #expect(xml(ControlSetResponse.success(dialect: .slixmpp))
            == "<setResponse xmlns='urn:xmpp:iot:control' responseCode='OK'/>")
        #expect(xml(ControlSetResponse.success(nodes: [NodeReference(nodeId: "thermo-1")], parameterNames: ["Setpoint"]))
            == "<setResponse xmlns='urn:xmpp:iot:control'><node nodeId='thermo-1'/><parameter name='Setpoint'/></setResponse>")
    }

    @Test func refusesWithParamErrorAndForSlixmppAlsoTheOldBody() throws {
        let request = try iq("""
            <iq type='set' id='8' from='tester@example.net/slix' to='gw@example.net/thermo-1'>\
            <set xmlns='urn:xmpp:iot:control'><double name='Fan' value='1'/></set></iq>
            """)
        let error = ControlParameterError(parameter: "Fan", reason: .unknownParameter(known: ["Setpoint"])).requestError
        #expect(wire(ControlSetResponse.failure(answering: request, error: error, dialect: .standard).element) == compact("""
            <iq type='error' id='8' to='tester@example.net/slix'><error type='cancel'>
              <item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>
              <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>There is no parameter Fan; there are Setpoint.</text>
              <paramError xmlns='urn:xmpp:iot:control' var='Fan'>There is no parameter Fan; there are Setpoint.</paramError>
            </error></iq>
            """))
        let legacy = ControlSetResponse.failure(answering: request, error: error, dialect: .slixmpp)
        #expect(legacy.payload.map(xml) == compact("""
            <setResponse xmlns='urn:xmpp:iot:control' responseCode='NotFound'><parameter name='Fan'/>
            <error var='Fan'>There is no parameter Fan; there are Setpoint.</error></setResponse>
            """))
        #expect(legacy.error?.condition == .itemNotFound)
    }

    @Test func mapsConditionsToLegacyResponseCodes() {
        #expect(ControlSetResponse.legacyResponseCode(.itemNotFound) == "NotFound")
        #expect(ControlSetResponse.legacyResponseCode(.forbidden) == "InsufficientPrivileges")
        #expect(ControlSetResponse.legacyResponseCode(.conflict) == "Locked")
        #expect(ControlSetResponse.legacyResponseCode(.featureNotImplemented) == "NotImplemented")
        #expect(ControlSetResponse.legacyResponseCode(.badRequest) == "FormError")
        #expect(ControlSetResponse.legacyResponseCode(.internalServerError) == "OtherError")
    }
}
