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

    @Test func followsAReadoutToItsEnd() throws {
        let started = try #require(try SensorDataProgress(message: message(
            "<message><started xmlns='urn:xmpp:iot:sensordata' seqnr='4'/></message>")))
        #expect(started == .started(seqnr: "4") && !started.isFinal)
        let partial = try #require(try SensorDataProgress(message: message("""
            <message><fields xmlns='urn:xmpp:iot:sensordata' seqnr='6'><node nodeId='meter-1'><timestamp value='2025-02-28T00:00:00'>\
            <numeric name='Energy' historicalDay='true' value='1523.7' unit='kWh'/></timestamp></node></fields></message>
            """)))
        #expect(partial.seqnr == "6" && !partial.isFinal)
        let end = try #require(try SensorDataProgress(message: message(
            "<message><fields xmlns='urn:xmpp:iot:sensordata' seqnr='6' done='true'/></message>")))
        #expect(end.isFinal)
        let done = try #require(try SensorDataProgress(message: message("<message><done xmlns='urn:xmpp:iot:sensordata' seqnr='6'/></message>")))
        #expect(done.isFinal)
        let failure = try #require(try SensorDataProgress(message: message("""
            <message><failure xmlns="urn:xmpp:iot:sensordata" seqnr="2" done="true"><error nodeId="thermo-1" \
            timestamp="2025-03-01T10:00:05">Timeout</error></failure></message>
            """)))
        #expect(failure == .failure(seqnr: "2", errors: [SensorReadoutError(nodeId: "thermo-1",
                                                                           timestamp: date("2025-03-01T10:00:05Z"), text: "Timeout")],
                                    done: true))
        #expect(try SensorDataProgress(message: message("<message><body>hi</body></message>")) == nil)
        let broken = try message("<message><failure xmlns='urn:xmpp:iot:sensordata' seqnr='2'><error>x</error></failure></message>")
        #expect(throws: IoTRequestError.self) { try SensorDataProgress(message: broken) }
    }
}
