import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct PubSubMembersTests {
    static let service = try! JID("pubsub.example.net")

    @Test func asksForTheNodesAffiliationsAsItsOwner() {
        #expect(wire(PubSubMembers.requestIQ(node: "sensors", id: "a1", service: Self.service).element) == """
            <iq type='get' id='a1' to='pubsub.example.net'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'>\
            <affiliations node='sensors'/></pubsub></iq>
            """)
    }

    @Test func readsOnlyMembersAndSkipsWhatIsNoJID() throws {
        let result = try iq(compact("""
            <iq type='result' id='a1' from='pubsub.example.net'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'>
              <affiliations node='sensors'>
                <affiliation jid='gw@example.net' affiliation='owner'/>
                <affiliation jid='Alice@Example.net/phone' affiliation='member'/>
                <affiliation jid='@' affiliation='member'/>
                <affiliation jid='mallory@example.net' affiliation='outcast'/>
                <affiliation jid='bob@example.net' affiliation='member'/></affiliations></pubsub></iq>
            """))
        #expect(PubSubMembers.members(in: result) == [try JID("alice@example.net"), try JID("bob@example.net")])
        #expect(PubSubMembers.members(in: try iq("<iq type='result' id='a1'/>")).isEmpty)
    }

    @Test func addsTheMissingAndRemovesTheFormerMembersOnly() throws {
        let (alice, bob, carol) = (try JID("alice@example.net"), try JID("bob@example.net"), try JID("carol@example.net"))
        let change = try #require(PubSubMembers.changeIQ(
            node: "sensors", id: "a2", service: Self.service, current: [alice, bob], wanted: [alice, carol]))
        #expect(wire(change.element) == compact("""
            <iq type='set' id='a2' to='pubsub.example.net'><pubsub xmlns='http://jabber.org/protocol/pubsub#owner'>
              <affiliations node='sensors'>
                <affiliation jid='bob@example.net' affiliation='none'/>
                <affiliation jid='carol@example.net' affiliation='member'/></affiliations></pubsub></iq>
            """))
        #expect(PubSubMembers.changeIQ(node: "sensors", id: "a3", service: Self.service, current: [alice], wanted: [alice]) == nil)
    }
}
