import Testing
@testable import XMPPClient

@Suite struct StreamFeaturesTests {
    private func features(_ xml: String) throws -> StreamFeatures {
        let events = XMLStreamParser().feed(
            "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + xml)
        guard case .stanza(let element)? = events.last else { throw XMLStreamError(.badFormat, "no features") }
        return StreamFeatures(element)
    }

    @Test func readsProsodysFeaturesBeforeTLS() throws {
        let offered = try features("""
            <stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>
            """)
        #expect(offered.startTLSOffered && offered.startTLSRequired)
        #expect(offered.mechanisms.isEmpty && !offered.bind)
    }

    @Test func readsMechanismsAndChannelBindingTypes() throws {
        let offered = try features("""
            <stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1-PLUS</mechanism>\
            <mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism></mechanisms>\
            <sasl-channel-binding xmlns='urn:xmpp:sasl-cb:0'><channel-binding type='tls-exporter'/>\
            <channel-binding type='tls-server-end-point'/></sasl-channel-binding></stream:features>
            """)
        #expect(offered.mechanisms == ["SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "PLAIN"])
        #expect(offered.channelBindingTypes == ["tls-exporter", "tls-server-end-point"])
        #expect(!offered.startTLSOffered)
    }

    @Test func readsWhatFollowsAuthentication() throws {
        let offered = try features("""
            <stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>\
            <session xmlns='urn:ietf:params:xml:ns:xmpp-session'><optional/></session>\
            <sm xmlns='urn:xmpp:sm:3'/><ver xmlns='urn:xmpp:features:rosterver'/></stream:features>
            """)
        #expect(offered.bind && offered.streamManagement && offered.rosterVersioning)
        #expect(!offered.sessionRequired)
        #expect(offered.channelBindingTypes == nil)
        #expect(try features("<stream:features><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></stream:features>").sessionRequired)
    }

    @Test func writesTheStreamHeaderWithFromOnlyWhenGiven() throws {
        #expect(StreamHeader.opening(to: "iot.test", from: nil) == """
            <?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' \
            to='iot.test' version='1.0' xml:lang='en'>
            """)
        #expect(StreamHeader.opening(to: "iot.test", from: try JID("gw@iot.test/hub")).contains(" from='gw@iot.test' "))
    }

    @Test func checksTheServersHeader() throws {
        let parser = XMLStreamParser()
        guard case .streamOpened(let header)? = parser.feed(
            "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>").first
        else { Issue.record("no header"); return }
        try StreamHeader.validate(header)
        #expect(throws: XMLStreamError.self) { try StreamHeader.validate(header.setting("version", to: nil)) }
        #expect(throws: XMLStreamError.self) {
            try StreamHeader.validate(XMLElement("stream", namespace: "urn:wrong", attributes: ["version": "1.0"]))
        }
    }
}
