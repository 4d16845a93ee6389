import Testing
@testable import XMPPClient

@Suite struct NameserverTests {
    @Test func readsTheNameserverLinesOfResolvConf() {
        let text = """
            # generated
            search lan
            nameserver 192.168.1.1
            nameserver\t2001:db8::53
            options edns0
            """
        #expect(Nameserver.parse(resolvConf: text) == [Nameserver(host: "192.168.1.1"), Nameserver(host: "2001:db8::53")])
    }

    @Test func usesTheLocalResolverWhenNoneIsListed() {
        #expect(Nameserver.parse(resolvConf: "search lan\n") == [Nameserver(host: "127.0.0.1")])
    }
}
