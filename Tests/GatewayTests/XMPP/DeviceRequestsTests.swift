import Drivers
import Foundation
import Testing
import XMPPClient
import XMPPIoT
@testable import Gateway

@Suite("A device answers XEP-0323, XEP-0325, ad-hoc commands and chat by the access rules")
struct DeviceRequestsTests {
    let fixture = GatewayFixture()

    func readingTemperature() async {
        await fixture.sensor.ingest([FieldReading(field: "temperature", value: .number(21.4))], at: .now)
    }

    func answer(_ text: String, to device: any GatewayDevice) async -> RequestAnswer {
        await fixture.requests(for: device).answer(GatewayFixture.iq(text), account: GatewayFixture.account)
    }

    @Test func aReaderGetsTheReadoutAfterTheAcceptance() async throws {
        await readingTemperature()
        let answer = await answer("""
            <iq type='get' id='r1' from='bob@iot.test/laptop' to='gw@iot.test/living'>\
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='7' momentary='true'/></iq>
            """, to: fixture.sensor)
        #expect(answer.reply.kind == .result)
        #expect(answer.reply.payload?.name == "accepted")
        let fields = try #require(answer.followUps.last.flatMap { try? Message($0) }?.payloads.first)
        #expect(fields.name == "fields")
        #expect(fields.attribute("done") == "true")
        let text = XMLSerializer().string(fields)
        #expect(text.contains("name='temperature'") || text.contains("name=\"temperature\""))
        #expect(text.contains("21.40"))
    }

    @Test func someoneWithoutARoleIsForbiddenAndSlixmppHearsWhy() async {
        let answer = await answer("""
            <iq type='get' id='1' from='mallory@iot.test/evil' to='gw@iot.test/living'>\
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='1' momentary='true'><node nodeId='living'/></req></iq>
            """, to: fixture.sensor)
        #expect(answer.reply.kind == .error)
        #expect(answer.reply.error?.condition == .forbidden)
        #expect(answer.followUps.isEmpty)
    }

    @Test func anUnknownNodeIsItemNotFound() async {
        let answer = await answer("""
            <iq type='get' id='1' from='bob@iot.test/laptop'><req xmlns='urn:xmpp:iot:sensordata' seqnr='1' \
            momentary='true'><node nodeId='kitchen'/></req></iq>
            """, to: fixture.sensor)
        #expect(answer.reply.error?.condition == .itemNotFound)
    }

    @Test func theOwnerSwitchesTheRelay() async {
        let answer = await answer("""
            <iq type='set' id='c1' from='alice@iot.test/phone'><set xmlns='urn:xmpp:iot:control'>\
            <boolean name='state' value='true'/></set></iq>
            """, to: fixture.relay)
        #expect(answer.reply.kind == .result)
        #expect(fixture.relayDriver.writes["state"] == .boolean(true))
    }

    @Test func aReaderMayNotControl() async {
        let answer = await answer("""
            <iq type='set' id='c1' from='bob@iot.test/laptop'><set xmlns='urn:xmpp:iot:control'>\
            <boolean name='state' value='true'/></set></iq>
            """, to: fixture.relay)
        #expect(answer.reply.error?.condition == .forbidden)
        #expect(fixture.relayDriver.writes.isEmpty)
    }

    @Test func aWrongTypeNamesTheParameterAndTouchesNothing() async {
        let answer = await answer("""
            <iq type='set' id='c1' from='alice@iot.test/phone'><set xmlns='urn:xmpp:iot:control'>\
            <double name='state' value='3'/></set></iq>
            """, to: fixture.relay)
        #expect(answer.reply.error?.condition == .badRequest)
        #expect(XMLSerializer().string(answer.reply.element).contains("paramError"))
        #expect(fixture.relayDriver.writes.isEmpty)
    }

    @Test func controlBeyondTheRateIsRefused() async {
        let fixture = GatewayFixture(burst: 2)
        let requests = fixture.requests(for: fixture.relay)
        var conditions: [StanzaErrorCondition?] = []
        for index in 0..<3 {
            let iq = GatewayFixture.iq("""
                <iq type='set' id='c\(index)' from='alice@iot.test/phone'><set xmlns='urn:xmpp:iot:control'>\
                <boolean name='state' value='true'/></set></iq>
                """)
            conditions.append(await requests.answer(iq, account: GatewayFixture.account).reply.error?.condition)
        }
        #expect(conditions == [nil, nil, .resourceConstraint])
    }

    @Test func aControlMessageStoredOfflineIsNotApplied() async {
        let message = try! Message(GatewayFixture.element("""
            <message from='alice@iot.test/phone' to='gw@iot.test/heater'><set xmlns='urn:xmpp:iot:control'>\
            <boolean name='state' value='true'/></set><delay xmlns='urn:xmpp:delay' stamp='2020-01-01T00:00:00Z'/></message>
            """))
        let replies = await fixture.requests(for: fixture.relay).handle(message)
        #expect(replies.isEmpty)
        #expect(fixture.relayDriver.writes.isEmpty)
    }

    @Test func aFreshControlMessageIsApplied() async {
        let message = try! Message(GatewayFixture.element("""
            <message from='alice@iot.test/phone' to='gw@iot.test/heater'><set xmlns='urn:xmpp:iot:control'>\
            <boolean name='state' value='true'/></set></message>
            """))
        _ = await fixture.requests(for: fixture.relay).handle(message)
        #expect(fixture.relayDriver.writes["state"] == .boolean(true))
    }

    @Test func chatCommandsFromAnyClient() async {
        await readingTemperature()
        let chat = ChatService(directory: fixture.directory, services: fixture.services)
        let reading = await chat.reply(to: "get living temperature", from: GatewayFixture.bob, device: nil)
        #expect(reading.contains("21.40 °C"))
        let switched = await chat.reply(to: "heater on", from: GatewayFixture.alice, device: nil)
        #expect(fixture.relayDriver.writes["state"] == .boolean(true), "\(switched)")
        let refused = await chat.reply(to: "heater off", from: GatewayFixture.bob, device: nil)
        #expect(refused == "Sorry, you may not change heater.")
        let stranger = await chat.reply(to: "status", from: GatewayFixture.mallory, device: nil)
        #expect(stranger == ChatReply.refusal)
        #expect(fixture.relayDriver.writes["state"] == .boolean(true))
    }

    @Test func theSetParametersCommandIsAFormThenASubmission() async throws {
        let first = await answer("""
            <iq type='set' id='a1' from='alice@iot.test/phone'><command xmlns='http://jabber.org/protocol/commands' \
            node='set-parameters' action='execute'/></iq>
            """, to: fixture.relay)
        let stage = try AdHocCommand(try #require(first.reply.payload))
        #expect(stage.status == .executing)
        #expect(stage.form?.field("state")?.type == .boolean)
        let session = try #require(stage.sessionId)
        let done = await answer("""
            <iq type='set' id='a2' from='alice@iot.test/phone'><command xmlns='http://jabber.org/protocol/commands' \
            node='set-parameters' sessionid='\(session)' action='complete'><x xmlns='jabber:x:data' type='submit'>\
            <field var='state'><value>1</value></field></x></command></iq>
            """, to: fixture.relay)
        #expect(try AdHocCommand(try #require(done.reply.payload)).status == .completed)
        #expect(fixture.relayDriver.writes["state"] == .boolean(true))
    }

    @Test func anotherSendersSessionIsNotTheirs() async throws {
        let first = await answer("""
            <iq type='set' id='a1' from='alice@iot.test/phone'><command xmlns='http://jabber.org/protocol/commands' \
            node='set-parameters' action='execute'/></iq>
            """, to: fixture.relay)
        let stage = try AdHocCommand(try #require(first.reply.payload))
        let session = try #require(stage.sessionId)
        let hijack = await answer("""
            <iq type='set' id='a2' from='bob@iot.test/laptop'><command xmlns='http://jabber.org/protocol/commands' \
            node='set-parameters' sessionid='\(session)' action='complete'><x xmlns='jabber:x:data' type='submit'>\
            <field var='state'><value>1</value></field></x></command></iq>
            """, to: fixture.relay)
        #expect(hijack.reply.error?.condition == .forbidden)
        #expect(fixture.relayDriver.writes.isEmpty)
    }

    @Test func aReadoutForLaterIsQueuedAndCanBeCancelled() async throws {
        let requests = fixture.requests(for: fixture.sensor)
        let queued = await requests.answer(GatewayFixture.iq("""
            <iq type='get' id='q1' from='bob@iot.test/laptop'><req xmlns='urn:xmpp:iot:sensordata' seqnr='9' \
            momentary='true' when='2099-01-01T00:00:00Z'/></iq>
            """), account: GatewayFixture.account)
        let accepted = try #require(queued.reply.payload)
        #expect(accepted.name == "accepted")
        #expect(accepted.attribute("queued") == "true")
        #expect(queued.followUps.isEmpty)
        let cancelled = await requests.answer(GatewayFixture.iq("""
            <iq type='get' id='q2' from='bob@iot.test/laptop'><cancel xmlns='urn:xmpp:iot:sensordata' seqnr='9'/></iq>
            """), account: GatewayFixture.account)
        #expect(cancelled.reply.payload?.name == "cancelled")
    }

    @Test func discoInfoOffersTheIoTFeatures() async throws {
        let answer = await answer("""
            <iq type='get' id='d1' from='bob@iot.test/laptop'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>
            """, to: fixture.relay)
        let info = try DiscoInfo(try #require(answer.reply.payload))
        #expect(info.features.contains(IoTNamespace.sensorData))
        #expect(info.features.contains(IoTNamespace.control))
        #expect(info.features.contains(IoTNamespace.commands))
    }
}
