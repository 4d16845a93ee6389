import Testing
@testable import XMPPClient

@Suite struct XMLSerializerTests {
    static let streamHeader = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"

    @Test func declaresANamespaceOnlyWhereItChanges() {
        let iq = XMLElement("iq", namespace: "jabber:client", attributes: ["type": "get", "id": "1"], children: [
            .element(XMLElement("query", namespace: "http://jabber.org/protocol/disco#info", children: [
                .element(XMLElement("identity", namespace: "http://jabber.org/protocol/disco#info")),
            ])),
        ])
        #expect(XMLSerializer.clientStream.string(iq)
            == "<iq type='get' id='1'><query xmlns='http://jabber.org/protocol/disco#info'><identity/></query></iq>")
        #expect(iq.description.hasPrefix("<iq xmlns='jabber:client' type='get'"))
    }

    @Test func writesStreamElementsWithTheStreamPrefix() {
        let error = XMLElement("error", namespace: XMLNamespace.streams, children: [
            .element(XMLElement("not-well-formed", namespace: XMLNamespace.streamErrors)),
        ])
        #expect(XMLSerializer.clientStream.string(error)
            == "<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>")
    }

    @Test func escapesTextAndAttributes() {
        let body = XMLElement("body", namespace: "jabber:client", attributes: [
            XMLAttribute("lang", namespace: XMLNamespace.xml, value: "en"),
            XMLAttribute("note", value: "a'b\"c<d>&e\tf\ng\rh"),
        ], children: [.text("x < y && z > ]]> 'q' \"d\"\r\n")])
        #expect(XMLSerializer.clientStream.string(body) == """
            <body xml:lang='en' note='a&apos;b&quot;c&lt;d&gt;&amp;e&#9;f&#10;g&#13;h'>x &lt; y &amp;&amp; z &gt; ]]&gt; 'q' "d"&#13;
            </body>
            """)
    }

    @Test func replacesCharactersXMLCannotCarry() {
        let body = XMLElement("body", namespace: "", children: [.text("a\u{0}b\u{1B}c\u{FFFE}d")])
        #expect(body.description == "<body>a\u{FFFD}b\u{FFFD}c\u{FFFD}d</body>")
    }

    @Test func declaresPrefixesForNamespacedAttributes() throws {
        let element = XMLElement("x", namespace: "jabber:client", attributes: [
            XMLAttribute("a", namespace: "urn:one", value: "1"), XMLAttribute("b", namespace: "urn:two", value: "2"),
        ])
        #expect(try roundTrip(element) == element)
    }

    @Test func normalisesAdjacentAndEmptyText() {
        let element = XMLElement("b", namespace: "", children: [.text("a"), .text(""), .text("b")])
        #expect(element.children == [.text("ab")])
    }

    /// parse(serialize(x)) == x over generated trees.
    @Test func roundTripsGeneratedTrees() throws {
        for seed in UInt64(1)...400 {
            var random = SeededGenerator(seed: seed)
            let stanza = TreeGenerator.element(depth: 0, parentNamespace: "jabber:client", using: &random)
            #expect(try roundTrip(stanza) == stanza, "seed \(seed)")
        }
    }

    private func roundTrip(_ element: XMLElement) throws -> XMLElement? {
        let parser = XMLStreamParser()
        let events = parser.feed(Self.streamHeader + XMLSerializer.clientStream.string(element))
        guard events.count == 2, case .stanza(let parsed) = events[1] else {
            Issue.record("did not parse: \(events)")
            return nil
        }
        return parsed
    }
}

/// Random elements over the awkward corners: namespaces that change and change back, no
/// namespace at all, `xml:lang`, namespaced attributes, characters that need escaping, and
/// text outside the Basic Multilingual Plane.
enum TreeGenerator {
    static let names = ["message", "body", "x", "item", "numeric", "a-b", "é", "node_1"]
    static let namespaces = ["jabber:client", "urn:xmpp:iot:sensordata", "urn:a", "", "http://etherx.jabber.org/streams"]
    static let texts = ["", "plain", "a < b & c > d", "quotes ' and \"", "line\nbreak\r\nand\ttab", "ünïcødé 🌡️ 21 °C", " ", "]]>"]

    static func element(depth: Int, parentNamespace: String, using random: inout SeededGenerator) -> XMLElement {
        let namespace = Bool.random(using: &random) ? parentNamespace : namespaces.randomElement(using: &random)!
        var attributes: [XMLAttribute] = []
        for (index, name) in ["id", "type", "value"].enumerated() where Int.random(in: 0..<3, using: &random) == 0 {
            attributes.append(XMLAttribute(name, value: texts[(index + Int.random(in: 0..<texts.count, using: &random)) % texts.count]))
        }
        if Int.random(in: 0..<5, using: &random) == 0 {
            attributes.append(XMLAttribute("lang", namespace: XMLNamespace.xml, value: "de"))
        }
        if Int.random(in: 0..<6, using: &random) == 0 {
            attributes.append(XMLAttribute("v", namespace: "urn:attr", value: texts.randomElement(using: &random)!))
        }
        var children: [XMLNode] = []
        if depth < 4 {
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                if Bool.random(using: &random) {
                    children.append(.text(texts.randomElement(using: &random)!))
                } else {
                    children.append(.element(element(depth: depth + 1, parentNamespace: namespace, using: &random)))
                }
            }
        }
        return XMLElement(names.randomElement(using: &random)!, namespace: namespace, attributes: attributes, children: children)
    }
}
