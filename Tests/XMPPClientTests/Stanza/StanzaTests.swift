import Testing
@testable import XMPPClient

@Suite struct StanzaTests {
    private func element(_ xml: String) throws -> XMLElement {
        let parser = XMLStreamParser()
        let events = parser.feed("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + xml)
        guard case .stanza(let element)? = events.last else { throw StanzaParseError.missingAttribute("test input") }
        return element
    }

    @Test func readsAnIQRequestAndBuildsItsAnswers() throws {
        let iq = try IQ(element("""
            <iq type='get' id='1' from='bob@iot.test/ctl' to='gw@iot.test/thermo'>\
            <req xmlns='urn:xmpp:iot:sensordata' seqnr='1' momentary='true'/></iq>
            """))
        #expect(iq.kind == .get && iq.id == "1")
        #expect(iq.from == (try JID("bob@iot.test/ctl")))
        #expect(iq.payload?.namespace == "urn:xmpp:iot:sensordata")
        let result = iq.result(XMLElement("accepted", namespace: "urn:xmpp:iot:sensordata", attributes: ["seqnr": "1"]))
        #expect(XMLSerializer.clientStream.string(result.element)
            == "<iq type='result' id='1' to='bob@iot.test/ctl'><accepted xmlns='urn:xmpp:iot:sensordata' seqnr='1'/></iq>")
        let error = iq.error(StanzaError(.itemNotFound, text: "no node heater"))
        #expect(XMLSerializer.clientStream.string(error.element) == """
            <iq type='error' id='1' to='bob@iot.test/ctl'><error type='cancel'>\
            <item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>\
            <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>no node heater</text></error></iq>
            """)
    }

    @Test func readsAStanzaErrorWithAnApplicationCondition() throws {
        let iq = try IQ(element("""
            <iq type='error' id='7'><error type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>\
            <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>setpoint out of range</text>\
            <paramError xmlns='urn:xmpp:iot:control' var='setpoint'/></error></iq>
            """))
        let error = try #require(iq.error)
        #expect(error.kind == .modify && error.condition == .badRequest && error.text == "setpoint out of range")
        #expect(error.applicationCondition?.name == "paramError")
        #expect(iq.payload == nil)
        #expect(try IQ(iq.element) == iq)
    }

    @Test func mapsUnknownErrorConditionsToUndefined() throws {
        let error = StanzaError(try element("<error type='cancel'><weird xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"))
        #expect(error.condition == .undefinedCondition && error.kind == .cancel)
    }

    @Test func readsMessagesWithPayloads() throws {
        let message = try Message(element("""
            <message type='chat' id='m1' from='bob@iot.test/phone' to='gw@iot.test'><body>set living 21.5</body>\
            <thread>t1</thread><delay xmlns='urn:xmpp:delay' stamp='2026-11-21T16:28:08Z'/></message>
            """))
        #expect(message.kind == .chat && message.body == "set living 21.5" && message.thread == "t1")
        #expect(message.payload("delay", namespace: "urn:xmpp:delay")?.attribute("stamp") == "2026-11-21T16:28:08Z")
        #expect(try Message(message.element) == message)
        #expect(try Message(element("<message/>")).kind == .normal)
    }

    @Test func readsPresenceAndWritesOnlyWhatDiffersFromTheDefaults() throws {
        let presence = try Presence(element("""
            <presence from='gw@iot.test/thermo'><show>xa</show><status>sensor stale</status><priority>-1</priority>\
            <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'/></presence>
            """))
        #expect(presence.kind == .available && presence.show == .xa && presence.priority == -1)
        #expect(presence.payloads.map(\.name) == ["c"])
        #expect(try Presence(presence.element) == presence)
        #expect(XMLSerializer.clientStream.string(Presence().element) == "<presence/>")
        #expect(try Presence(element("<presence><priority>500</priority></presence>")).priority == 0)
    }

    @Test(arguments: [
        ("<iq type='get'><ping xmlns='urn:xmpp:ping'/></iq>", StanzaParseError.missingAttribute("id")),
        ("<iq id='1'><ping xmlns='urn:xmpp:ping'/></iq>", .missingAttribute("type")),
        ("<iq id='1' type='fetch'/>", .invalidType("fetch")),
        ("<iq id='1' type='get'/>", .iqPayloadCount(0)),
        ("<iq id='1' type='set'><a xmlns='urn:a'/><b xmlns='urn:b'/></iq>", .iqPayloadCount(2)),
        ("<message type='shout'/>", .invalidType("shout")),
        ("<presence type='available'/>", .invalidType("available")),
        ("<presence><show>sleeping</show></presence>", .invalidType("sleeping")),
        ("<message to='a@b@c'/>", .invalidAddress(attribute: "to", .forbiddenCharacter(.domainpart, "@"))),
        ("<features xmlns='http://etherx.jabber.org/streams'/>", .notAStanza(name: "features", namespace: XMLNamespace.streams)),
    ])
    func refusesInvalidStanzas(xml: String, expected: StanzaParseError) {
        #expect(throws: expected) { try Stanza(element(xml)) }
    }

    @Test func repliesToAMalformedAddressWithJidMalformed() {
        #expect(StanzaParseError.invalidAddress(attribute: "to", .empty).stanzaError.condition == .jidMalformed)
        #expect(StanzaParseError.iqPayloadCount(2).stanzaError.condition == .badRequest)
    }
}
