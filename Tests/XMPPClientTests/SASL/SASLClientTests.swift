import Testing
@testable import XMPPClient

@Suite struct SASLClientTests {
    @Test func runsPLAINWhenChosen() throws {
        var client = try SASLClient(choice: .plain, username: "user", password: "pencil")
        #expect(client.mechanism == .plain)
        #expect(Base64.encode(try client.initialResponse()) == "AHVzZXIAcGVuY2ls")
        #expect(throws: SASLError.unexpectedChallenge) { try client.receiveChallenge([]) }
        #expect(!client.isAuthenticated)
    }

    @Test func runsSCRAMWithTheChosenBinding() throws {
        let binding = ChannelBinding(type: .tlsExporter, data: (0 ..< 32).map(UInt8.init))
        var client = try SASLClient(choice: .scram(.sha512, .bound(binding)), username: "a,b", password: "pencil")
        #expect(client.mechanism == .scramSHA512Plus)
        let clientFirst = String(decoding: try client.initialResponse(), as: UTF8.self)
        #expect(clientFirst.hasPrefix("p=tls-exporter,,n=a=2Cb,r="))
        // The state lives on inside the wrapper: a second initial response is refused.
        #expect(throws: SASLError.exchangeNotInProgress) { try client.initialResponse() }
    }

    @Test func aFailedSCRAMExchangeStaysFailed() throws {
        var client = try SASLClient(choice: .scram(.sha1, .notSupported), username: "user", password: "pencil")
        _ = try client.initialResponse()
        #expect(throws: SASLError.missingAttribute("r")) { try client.receiveChallenge(Array("s=QSXCR+Q6sek8bf92,i=4096".utf8)) }
        #expect(throws: SASLError.exchangeNotInProgress) { try client.receiveSuccess([]) }
        #expect(!client.isAuthenticated)
    }
}
