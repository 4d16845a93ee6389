import Testing
@testable import XMPPClient

@Suite struct XMLStreamParserTests {
    static let header = """
        <?xml version='1.0'?><stream:stream xmlns='jabber:client' \
        xmlns:stream='http://etherx.jabber.org/streams' from='iot.test' id='s1' version='1.0' xml:lang='en'>
        """
    static let readout = """
        <message from='gw@iot.test/thermo' to='bob@iot.test/ctl'><fields xmlns='urn:xmpp:iot:sensordata' \
        seqnr='1' done='true'><node nodeId='thermo'><timestamp value='2026-11-21T16:28:08Z'>\
        <numeric name='temperature' value='21.4' unit='°C' momentary='true'/></timestamp></node></fields>\
        <body>Température: 21.4 °C &amp; rising &lt;fast&gt; &#x263A;</body></message>
        """
    static let stream = header + readout + " \n<presence/><iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq></stream:stream>"

    private func events(_ text: String, limits: XMLStreamLimits = XMLStreamLimits()) -> [XMLStreamEvent] {
        XMLStreamParser(limits: limits).feed(text)
    }

    private func failure(_ text: String, limits: XMLStreamLimits = XMLStreamLimits()) -> XMLStreamError? {
        guard case .failed(let error)? = events(text, limits: limits).last else { return nil }
        return error
    }

    @Test func yieldsHeaderStanzasAndEndWithNamespacesResolved() throws {
        let events = events(Self.stream)
        #expect(events.count == 5)
        guard case .streamOpened(let header) = events[0] else { Issue.record("no header"); return }
        #expect(header.name == "stream" && header.namespace == XMLNamespace.streams)
        #expect(header.attribute("id") == "s1" && header.attribute("version") == "1.0")
        #expect(header.attributes.contains(XMLAttribute("lang", namespace: XMLNamespace.xml, value: "en")))
        guard case .stanza(let message) = events[1] else { Issue.record("no message"); return }
        #expect(message.namespace == "jabber:client")
        let fields = try #require(message.element("fields", namespace: "urn:xmpp:iot:sensordata"))
        let numeric = try #require(fields.element("node")?.element("timestamp")?.element("numeric"))
        #expect(numeric.namespace == "urn:xmpp:iot:sensordata")
        #expect(numeric.attribute("unit") == "°C")
        #expect(message.element("body")?.text == "Température: 21.4 °C & rising <fast> ☺")
        #expect(events[2] == .stanza(XMLElement("presence", namespace: "jabber:client")))
        guard case .stanza(let iq) = events[3] else { Issue.record("no iq"); return }
        #expect(iq.element("ping")?.namespace == "urn:xmpp:ping")
        #expect(events[4] == .streamClosed)
    }

    @Test func givesTheSameEventsWhenSplitAtEveryByte() {
        let whole = events(Self.stream)
        let bytes = Array(Self.stream.utf8)
        for cut in 1..<bytes.count {
            let parser = XMLStreamParser()
            let produced = parser.feed(bytes[..<cut]) + parser.feed(bytes[cut...])
            #expect(produced == whole, "split at byte \(cut)")
        }
        let parser = XMLStreamParser()
        let byteByByte = bytes.flatMap { parser.feed([$0]) }
        #expect(byteByByte == whole)
    }

    @Test func givesTheSameEventsForRandomChunks() {
        let whole = events(Self.stream)
        let bytes = Array(Self.stream.utf8)
        for seed in UInt64(1)...200 {
            var random = SeededGenerator(seed: seed)
            let parser = XMLStreamParser()
            var produced: [XMLStreamEvent] = []
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + Int.random(in: 1...40, using: &random))
                produced += parser.feed(bytes[offset..<end])
                offset = end
            }
            #expect(produced == whole, "seed \(seed)")
        }
    }

    @Test func deliversAStanzaAsSoonAsItsLastByteArrives() {
        let parser = XMLStreamParser()
        _ = parser.feed(Self.header)
        #expect(parser.feed("<presence><show>away</show></presence") == [])
        #expect(parser.feed(">").count == 1)
    }

    @Test(arguments: [
        ("<!DOCTYPE stream [<!ENTITY a 'b'>]>", "DOCTYPE"),
        ("<presence>&lol;</presence>", "undefined entity"),
        ("<?evil instruction?>", "processing instruction"),
        ("<message><!-- hidden --></message>", "comment"),
    ])
    func refusesRestrictedXML(fragment: String, what: String) {
        let text = fragment.hasPrefix("<!DOCTYPE") ? "<?xml version='1.0'?>" + fragment + Self.header : Self.header + fragment
        #expect(failure(text)?.condition == .restrictedXML, "\(what)")
    }

    @Test func refusesTheBillionLaughsWithoutExpandingAnything() {
        let laughs = """
            <?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol "lol">\
            <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>
            """
        #expect(failure(laughs)?.condition == .restrictedXML)
    }

    @Test func acceptsThePredefinedEntitiesAndCharacterReferences() {
        let events = events(Self.header + "<message><body>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</body></message>")
        guard case .stanza(let message)? = events.last else { Issue.record("no stanza"); return }
        #expect(message.element("body")?.text == "<>&\"'AB")
    }

    @Test(arguments: [
        Array("<message></presence>".utf8),
        Array("<message><body>".utf8) + [0xFF, 0xFE] + Array("</body></message>".utf8),
        Array("<message><body>".utf8) + [0xE2, 0x82] + Array("</body></message>".utf8),
        Array("<message><body>\u{01}</body></message>".utf8),
        Array("<message to='a' to='b'/>".utf8),
        Array("<message <body/>".utf8),
    ])
    func refusesMalformedXML(stanza: [UInt8]) {
        let parser = XMLStreamParser()
        _ = parser.feed(Self.header)
        guard case .failed(let error)? = parser.feed(stanza).last else {
            Issue.record("accepted \(stanza)")
            return
        }
        #expect(error.condition == .notWellFormed)
        #expect(error.message.contains("line 1, column"))
    }

    @Test func reportsAnUnboundPrefix() {
        #expect(failure(Self.header + "<foo:message/>")?.condition == .badNamespacePrefix)
    }

    @Test func refusesAnEncodingOtherThanUTF8() {
        let text = "<?xml version='1.0' encoding='ISO-8859-1'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'>"
        #expect(failure(text)?.condition == .unsupportedEncoding)
    }

    @Test func refusesTextBetweenStanzasButAcceptsWhitespaceKeepalives() {
        #expect(failure(Self.header + "<presence/>hello")?.condition == .badFormat)
        let parser = XMLStreamParser(limits: XMLStreamLimits(maxStanzaBytes: 1024))
        _ = parser.feed(Self.header)
        for _ in 0..<100 { #expect(parser.feed(String(repeating: " ", count: 100)) == []) }
        #expect(parser.feed("<presence/>").count == 1)
    }

    @Test func refusesAStanzaOverTheSizeLimitReceivedWhole() {
        let limits = XMLStreamLimits(maxStanzaBytes: 1000)
        let big = "<message><body>" + String(repeating: "x", count: 1000) + "</body></message>"
        let events = events(Self.header + "<presence/>" + big, limits: limits)
        #expect(events.count == 3)
        #expect(events[1] == .stanza(XMLElement("presence", namespace: "jabber:client")))
        guard case .failed(let error) = events[2] else { Issue.record("accepted"); return }
        #expect(error.condition == .policyViolation)
        #expect(self.events(Self.header + "<presence/>" + big, limits: XMLStreamLimits(maxStanzaBytes: 1100)).count == 3)
    }

    @Test func stopsAnEndlessStanzaOnceItPassesTheLimit() {
        let parser = XMLStreamParser(limits: XMLStreamLimits(maxStanzaBytes: 64 * 1024))
        _ = parser.feed(Self.header + "<message><body>")
        let chunk = String(repeating: "y", count: 4096)
        var fed = 0
        while fed < 1_000_000 {
            fed += chunk.utf8.count
            if case .failed(let error)? = parser.feed(chunk).last {
                #expect(error.condition == .policyViolation)
                break
            }
        }
        #expect(fed <= 64 * 1024 + chunk.utf8.count)
    }

    @Test func stopsAnEndlessTagOrAttribute() {
        for opening in ["<message to='", "<message ", "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' a='"] {
            let parser = XMLStreamParser(limits: XMLStreamLimits(maxStanzaBytes: 8192))
            if !opening.hasPrefix("<stream") { _ = parser.feed(Self.header) }
            var result = parser.feed(opening)
            for _ in 0..<10 where result.isEmpty { result = parser.feed(String(repeating: "a", count: 4096)) }
            #expect(result.last.map { if case .failed(let e) = $0 { e.condition == .policyViolation } else { false } } == true, "\(opening)")
        }
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let limits = XMLStreamLimits(maxDepth: 8)
        let nested = { (depth: Int) in String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) }
        #expect(events(Self.header + nested(8), limits: limits).last.map { if case .stanza = $0 { true } else { false } } == true)
        #expect(failure(Self.header + nested(9), limits: limits)?.condition == .policyViolation)
    }

    @Test func acceptsNothingAfterAFailure() {
        let parser = XMLStreamParser()
        let first = parser.feed(Self.header + "<presence/><!-- x -->")
        #expect(first.count == 3)
        guard case .failed(let error)? = first.last else { Issue.record("accepted a comment"); return }
        #expect(parser.feed("<presence/>") == [.failed(error)])
    }
}
