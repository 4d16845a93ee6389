import Testing
@testable import XMPPClient

@Suite struct ServerLookupTests {
    private typealias Endpoint = ClientConfiguration.Endpoint

    private func endpoints(direct: ServerLookup.Answer, starting: ServerLookup.Answer) throws -> [Endpoint] {
        var random = SeededGenerator(seed: 3)
        return try ServerLookup.endpoints(domain: "iot.test", directTLS: direct, startTLS: starting, using: &random)
    }

    @Test func mergesDirectTLSAndSTARTTLSRecordsByPriority() throws {
        let result = try endpoints(
            direct: .records([SRVRecord(priority: 5, weight: 0, port: 5223, target: "tls.iot.test")]),
            starting: .records([SRVRecord(priority: 10, weight: 0, port: 5222, target: "xmpp.iot.test"),
                                SRVRecord(priority: 1, weight: 0, port: 15222, target: "near.iot.test")]))
        #expect(result == [Endpoint(host: "near.iot.test", port: 15222), Endpoint(host: "tls.iot.test", port: 5223, directTLS: true),
                           Endpoint(host: "xmpp.iot.test", port: 5222)])
    }

    @Test func fallsBackToTheDomainWithoutRecords() throws {
        let fallback = [Endpoint(host: "iot.test", port: 5222)]
        #expect(try endpoints(direct: .records([]), starting: .records([])) == fallback)
        #expect(try endpoints(direct: .failed(.noAnswer(from: "127.0.0.1:53", within: .seconds(5))),
                              starting: .failed(.malformedResponse(.notAResponse, from: "127.0.0.1:53"))) == fallback)
        // "." for Direct TLS only says there is no Direct TLS.
        #expect(try endpoints(direct: .records([SRVRecord(priority: 0, weight: 0, port: 0, target: ".")]), starting: .records([]))
                == fallback)
    }

    @Test func believesADomainThatSaysItHasNoService() throws {
        let none = ServerLookup.Answer.records([SRVRecord(priority: 0, weight: 0, port: 0, target: ".")])
        #expect(throws: ServerLookupError.serviceNotOffered(domain: "iot.test")) {
            try endpoints(direct: .records([]), starting: none)
        }
        // Unless it offers Direct TLS after all.
        #expect(try endpoints(direct: .records([SRVRecord(priority: 0, weight: 0, port: 5223, target: "tls.iot.test")]),
                              starting: none) == [Endpoint(host: "tls.iot.test", port: 5223, directTLS: true)])
    }
}
