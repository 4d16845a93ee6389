import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct SensorDataReplyTests {
    @Test func readsAcceptanceInEveryShape() throws {
        #expect(try SensorDataReply(iq: iq("<iq type='result' id='3'><accepted xmlns='urn:xmpp:iot:sensordata' seqnr='3'/></iq>"))
            == .accepted(seqnr: "3", queued: false))
        #expect(try SensorDataReply(iq: iq("""
            <iq type="result" id="1"><accepted xmlns="urn:xmpp:iot:sensordata" seqnr="1" queued="true"/></iq>
            """)) == .accepted(seqnr: "1", queued: true))
        #expect(try SensorDataReply(iq: iq("<iq type='result' id='9'><cancelled xmlns='urn:xmpp:iot:sensordata' seqnr='9'/></iq>"))
            == .cancelled(seqnr: "9"))
        #expect(try SensorDataReply(iq: iq("<iq type='result' id='3'/>")) == nil)
    }

    @Test func readsSlixmppsRejectionWithoutAStanzaError() throws {
        let reply = try SensorDataReply(iq: iq("""
            <iq type='error' id='4'><rejected xmlns='urn:xmpp:iot:sensordata' seqnr='4'><error>Invalid nodeId hygro-9</error>\
            </rejected></iq>
            """))
        #expect(reply == .rejected(seqnr: "4", text: "Invalid nodeId hygro-9", error: nil))
    }

    @Test func readsAStandardRejection() throws {
        let reply = try SensorDataReply(iq: iq("""
            <iq type='error' id='r-32'><error type='cancel'><forbidden xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>\
            <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>Not on the access list.</text></error></iq>
            """))
        guard case .rejected(nil, "Not on the access list.", let error?) = reply else {
            Issue.record("unexpected \(String(describing: reply))")
            return
        }
        #expect(error.condition == .forbidden)
    }
}
