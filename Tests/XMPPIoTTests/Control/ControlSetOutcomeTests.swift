import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct ControlSetOutcomeTests {
    @Test func readsSuccessInBothShapes() throws {
        #expect(try ControlSetOutcome(iq: iq("<iq type='result' id='c-5'><setResponse xmlns='urn:xmpp:iot:control'/></iq>")) == .applied)
        #expect(try ControlSetOutcome(iq: iq("""
            <iq type='result' id='7'><setResponse xmlns='urn:xmpp:iot:control' responseCode='OK'/></iq>
            """)) == .applied)
        #expect(try ControlSetOutcome(iq: iq("<iq type='result' id='7'/>")) == .applied)
    }

    @Test func readsTheGoldenSlixmppRefusals() throws {
        #expect(try ControlSetOutcome(iq: iq("""
            <iq type='error' id='8'><setResponse xmlns='urn:xmpp:iot:control' responseCode='NotFound'>\
            <parameter name='Fan'/><error var='Output'>Invalid field Fan</error></setResponse></iq>
            """)) == .refused(condition: .itemNotFound, parameter: "Fan", text: "Invalid field Fan"))
        #expect(try ControlSetOutcome(iq: iq("""
            <iq type='error' id='9'><setResponse xmlns='urn:xmpp:iot:control' responseCode='OtherError'>\
            <error var='Setpoint'>Actuator error</error></setResponse></iq>
            """)) == .refused(condition: .undefinedCondition, parameter: "Setpoint", text: "Actuator error"))
    }

    @Test func readsTheStandardRefusalWithParamError() throws {
        #expect(try ControlSetOutcome(iq: iq("""
            <iq type='error' id='c-6'><error type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>\
            <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>Setpoint must be within 5.0..30.0</text>\
            <paramError xmlns='urn:xmpp:iot:control' var='Setpoint'>Out of range 5.0..30.0</paramError></error></iq>
            """)) == .refused(condition: .badRequest, parameter: "Setpoint", text: "Setpoint must be within 5.0..30.0"))
    }

    @Test func mapsEveryLegacyCode() {
        #expect(ControlSetOutcome.condition(legacyCode: "InsufficientPrivileges") == .forbidden)
        #expect(ControlSetOutcome.condition(legacyCode: "Locked") == .conflict)
        #expect(ControlSetOutcome.condition(legacyCode: "NotImplemented") == .featureNotImplemented)
        #expect(ControlSetOutcome.condition(legacyCode: "FormError") == .badRequest)
        #expect(ControlSetOutcome.condition(legacyCode: "Whatever") == .undefinedCondition)
    }
}
