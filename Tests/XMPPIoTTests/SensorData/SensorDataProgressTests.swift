import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct SensorDataProgressTests {
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
