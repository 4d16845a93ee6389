import Testing
@testable import XMPPClient

@Suite struct PLAINClientTests {
    @Test func sendsEmptyAuthzidUsernameAndPasswordSeparatedByNUL() throws {
        var client = try PLAINClient(username: "user", password: "pencil")
        let message = try client.initialResponse()
        #expect(message == [0] + Array("user".utf8) + [0] + Array("pencil".utf8))
        #expect(Base64.encode(message) == "AHVzZXIAcGVuY2ls")
        #expect(!client.isAuthenticated)
        try client.receiveSuccess([])
        #expect(client.isAuthenticated)
    }

    @Test func sendsNonASCIIAsUTF8() throws {
        var client = try PLAINClient(username: "jürgen", password: "pässwörd")
        #expect(try client.initialResponse() == [0] + Array("jürgen".utf8) + [0] + Array("pässwörd".utf8))
    }

    @Test func refusesNULInsideAField() {
        #expect(throws: SASLError.credentialContainsNUL) {
            try PLAINClient(username: "user", password: "pen\u{0}cil")
        }
        #expect(throws: SASLError.credentialContainsNUL) {
            try PLAINClient(username: "us\u{0}er", password: "pencil")
        }
    }

    @Test func aChallengeEndsTheExchange() throws {
        var client = try PLAINClient(username: "user", password: "pencil")
        _ = try client.initialResponse()
        #expect(throws: SASLError.unexpectedChallenge) { try client.receiveChallenge([]) }
        #expect(throws: SASLError.exchangeNotInProgress) { try client.receiveSuccess([]) }
        #expect(!client.isAuthenticated)
    }

    @Test func successBeforeTheInitialResponseIsRefused() throws {
        var client = try PLAINClient(username: "user", password: "pencil")
        #expect(throws: SASLError.exchangeNotInProgress) { try client.receiveSuccess([]) }
    }
}
