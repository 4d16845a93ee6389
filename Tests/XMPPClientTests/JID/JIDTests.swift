import Testing
@testable import XMPPClient

@Suite struct JIDTests {
    @Test func parsesTheThreeParts() throws {
        let jid = try JID("gw@iot.test/thermostat-living")
        #expect(jid.localpart == "gw" && jid.domain == "iot.test" && jid.resource == "thermostat-living")
        #expect(jid.bare == (try JID("gw@iot.test")))
        #expect(jid.bare.isBare && !jid.isBare)
        #expect(jid.description == "gw@iot.test/thermostat-living")
        #expect(try JID("iot.test") == JID(localpart: nil, domain: "iot.test"))
    }

    @Test func splitsAtTheFirstSlashThenTheFirstAt() throws {
        let jid = try JID("a@b/c@d/e")
        #expect(jid.localpart == "a" && jid.domain == "b" && jid.resource == "c@d/e")
        #expect(try JID("b/c@d").localpart == nil)
        // A combining mark after the slash makes one character with it, but the slash still splits.
        #expect(try JID("a@b/\u{301}x").resource == "\u{301}x")
    }

    @Test func comparesLocalpartAndDomainWithoutCaseButResourceExactly() throws {
        #expect(try JID("Alice@IoT.Test/Phone") == JID("alice@iot.test/Phone"))
        #expect(try JID("ÄLICE@iot.test") == JID("älice@iot.test"))
        #expect(try JID("alice@iot.test/Phone") != JID("alice@iot.test/phone"))
        #expect(try JID("alice@iot.test.") == JID("alice@iot.test"))
    }

    @Test func normalisesToNFC() throws {
        // "é" as one scalar and as e + combining acute accent.
        #expect(try JID("caf\u{E9}@iot.test/r\u{E9}") == JID("cafe\u{301}@iot.test/re\u{301}"))
    }

    @Test(arguments: [
        ("", JIDError.empty),
        ("@iot.test", .emptyPart(.localpart)),
        ("alice@", .emptyPart(.domainpart)),
        ("alice@iot.test/", .emptyPart(.resourcepart)),
        ("/res", .emptyPart(.domainpart)),
        ("al ice@iot.test", .forbiddenCharacter(.localpart, " ")),
        ("al\"ice@iot.test", .forbiddenCharacter(.localpart, "\"")),
        ("a:b@iot.test", .forbiddenCharacter(.localpart, ":")),
        ("a<b@iot.test", .forbiddenCharacter(.localpart, "<")),
        ("a'b@iot.test", .forbiddenCharacter(.localpart, "'")),
        ("a&b@iot.test", .forbiddenCharacter(.localpart, "&")),
        ("alice@iot.test/a\u{7}b", .forbiddenCharacter(.resourcepart, "\u{7}")),
        ("alice@io t.test", .forbiddenCharacter(.domainpart, " ")),
        // The ASCII checks compare bytes; these are the edges of that comparison.
        ("a\u{7F}b@iot.test", .forbiddenCharacter(.localpart, "\u{7F}")),
        ("a\tb@iot.test", .forbiddenCharacter(.localpart, "\t")),
        ("alice@iot.te\u{1F}st", .forbiddenCharacter(.domainpart, "\u{1F}")),
        ("alice@iot.test/a\u{9F}b", .forbiddenCharacter(.resourcepart, "\u{9F}")),
        ("al\u{2003}ice@iot.test", .forbiddenCharacter(.localpart, "\u{2003}")),
        ("alice@io:t.test", .forbiddenCharacter(.domainpart, ":")),
        ("alice@iot.t]est", .forbiddenCharacter(.domainpart, "]")),
        ("alice@ïot.te\u{2003}st", .forbiddenCharacter(.domainpart, "\u{2003}")),
        ("alice@iot..test", .invalidDomain("iot..test has an empty label")),
        ("alice@\(String(repeating: "a", count: 64)).test",
         .invalidDomain("the label \(String(repeating: "a", count: 64)) is longer than 63 bytes")),
        ("alice@[::1", .invalidDomain("[::1 is not an IPv6 literal")),
    ])
    func refusesInvalidForms(text: String, expected: JIDError) {
        #expect(throws: expected) { try JID(text) }
    }

    @Test func limitsEachPartTo1023Bytes() throws {
        let long = String(repeating: "a", count: 1023)
        #expect(try JID("\(long)@iot.test/\(long)").localpart?.utf8.count == 1023)
        #expect(throws: JIDError.tooLong(.localpart, bytes: 1024)) { try JID("\(long)a@iot.test") }
        #expect(throws: JIDError.tooLong(.resourcepart, bytes: 1024)) { try JID("a@iot.test/\(long)a") }
        // Length counts UTF-8 bytes, not characters: 512 two-byte characters are 1024 bytes.
        #expect(throws: JIDError.tooLong(.localpart, bytes: 1024)) { try JID(String(repeating: "é", count: 512) + "@iot.test") }
    }

    @Test func acceptsIPLiteralsAndSpacesInResources() throws {
        #expect(try JID("alice@[::1]/a").domain == "[::1]")
        #expect(try JID("alice@127.0.0.1").domain == "127.0.0.1")
        #expect(try JID("alice@iot.test/living room").resource == "living room")
        #expect(try JID("alice@iot.test/living\u{A0}room").resource == "living room")
        #expect(try JID("alice@iot.test/living\troom").resource == "living room")
        #expect(try JID("Alice@IoT.Test/Room").description == "alice@iot.test/Room")
    }

    @Test func replacesTheResource() throws {
        let jid = try JID("gw@iot.test/hub").with(resource: "thermostat")
        #expect(jid.description == "gw@iot.test/thermostat")
        #expect(throws: JIDError.emptyPart(.resourcepart)) { try JID("gw@iot.test").with(resource: "") }
    }

    @Test func describesErrorsForPeople() {
        #expect(JIDError.forbiddenCharacter(.localpart, " ").description.contains("U+20"))
        #expect(JIDError.tooLong(.resourcepart, bytes: 2000).description == "the resourcepart is 2000 bytes long; at most 1023 are allowed")
    }
}
