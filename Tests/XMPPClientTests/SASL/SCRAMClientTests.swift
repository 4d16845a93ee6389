import Testing
@testable import XMPPClient

@Suite struct SCRAMClientTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A client of the RFC 5802 vector that has sent client-first.
    private func startedClient(_ vector: SCRAMVector = .rfc5802) throws -> SCRAMClient {
        var client = try vector.client()
        _ = try client.initialResponse()
        return client
    }

    @Test(arguments: SCRAMVector.all)
    func completesTheExchangeOfTheVector(_ vector: SCRAMVector) throws {
        var client = try vector.client()
        #expect(try client.initialResponse() == bytes(vector.clientFirst))
        #expect(try client.receiveChallenge(bytes(vector.serverFirst)) == bytes(vector.clientFinal))
        #expect(!client.isAuthenticated)
        try client.receiveSuccess(bytes(vector.serverFinal))
        #expect(client.isAuthenticated)
    }

    @Test func namesTheMechanismByHashAndBinding() throws {
        #expect(try SCRAMVector.rfc5802.client().mechanism == .scramSHA1)
        #expect(try SCRAMVector.derivedHere[1].client().mechanism == .scramSHA512Plus)
        #expect(try SCRAMVector.derivedFromBrief[0].client().mechanism == .scramSHA256)
    }

    @Test func initialResponseOfTheRFC5802VectorMatchesItsBase64() throws {
        var client = try SCRAMVector.rfc5802.client()
        #expect(Base64.encode(try client.initialResponse()) == "biwsbj11c2VyLHI9ZnlrbytkMmxiYkZnT05Sdjlxa3hkYXdM")
    }

    @Test func acceptsServerFinalAsAChallengeThenAnEmptySuccess() throws {
        var client = try startedClient()
        _ = try client.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        #expect(try client.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFinal)) == [])
        #expect(!client.isAuthenticated)
        try client.receiveSuccess([])
        #expect(client.isAuthenticated)
    }

    @Test func wrongServerSignatureAbortsTheExchange() throws {
        var client = try startedClient()
        _ = try client.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        // Well-formed, one bit off the vector's signature.
        #expect(throws: SASLError.serverSignatureMismatch) {
            try client.receiveSuccess(bytes("v=smF9pqV8S7suAoZWja4dJRkFsKQ="))
        }
        #expect(!client.isAuthenticated)
        #expect(throws: SASLError.exchangeNotInProgress) {
            try client.receiveSuccess(bytes(SCRAMVector.rfc5802.serverFinal))
        }
    }

    @Test func wrongServerSignatureInAChallengeAbortsTheExchange() throws {
        var client = try startedClient()
        _ = try client.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        #expect(throws: SASLError.serverSignatureMismatch) {
            try client.receiveChallenge(bytes(SCRAMVector.rfc7677.serverFinal))
        }
    }

    @Test func successWithoutServerSignatureIsNotTrusted() throws {
        var afterServerFirst = try startedClient()
        _ = try afterServerFirst.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        #expect(throws: SASLError.successWithoutServerSignature) {
            try afterServerFirst.receiveSuccess([])
        }
        var beforeServerFirst = try startedClient()
        #expect(throws: SASLError.successWithoutServerSignature) {
            try beforeServerFirst.receiveSuccess(bytes(SCRAMVector.rfc5802.serverFinal))
        }
        #expect(!beforeServerFirst.isAuthenticated)
    }

    @Test func serverErrorIsSurfaced() throws {
        var client = try startedClient()
        _ = try client.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        #expect(throws: SASLError.serverError("invalid-proof")) {
            try client.receiveSuccess(bytes("e=invalid-proof"))
        }
        var viaChallenge = try startedClient()
        _ = try viaChallenge.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        #expect(throws: SASLError.serverError("channel-bindings-dont-match")) {
            try viaChallenge.receiveChallenge(bytes("e=channel-bindings-dont-match"))
        }
    }

    @Test func serverSignatureThatIsNotBase64IsRefused() throws {
        var client = try startedClient()
        _ = try client.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        #expect(throws: SASLError.invalidServerSignature("rmF9pqV8S7suAoZWja4dJRkFsKQ")) {
            try client.receiveSuccess(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ"))
        }
    }

    @Test func serverNonceMustExtendTheClientNonce() throws {
        var foreign = try startedClient()
        #expect(throws: SASLError.serverNonceDoesNotExtendClientNonce(
            clientNonce: "fyko+d2lbbFgONRv9qkxdawL", serverNonce: "XXXX+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j"
        )) {
            try foreign.receiveChallenge(bytes("r=XXXX+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"))
        }
        var echoed = try startedClient()
        #expect(throws: SASLError.serverNonceDoesNotExtendClientNonce(
            clientNonce: "fyko+d2lbbFgONRv9qkxdawL", serverNonce: "fyko+d2lbbFgONRv9qkxdawL"
        )) {
            try echoed.receiveChallenge(bytes("r=fyko+d2lbbFgONRv9qkxdawL,s=QSXCR+Q6sek8bf92,i=4096"))
        }
        var truncated = try startedClient()
        #expect(throws: SASLError.serverNonceDoesNotExtendClientNonce(
            clientNonce: "fyko+d2lbbFgONRv9qkxdawL", serverNonce: "fyko+d2lbbFg"
        )) {
            try truncated.receiveChallenge(bytes("r=fyko+d2lbbFg,s=QSXCR+Q6sek8bf92,i=4096"))
        }
    }

    static let malformedServerFirst: [(String, SASLError)] = [
        ("s=QSXCR+Q6sek8bf92,i=4096", .missingAttribute("r")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,i=4096", .missingAttribute("s")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92", .missingAttribute("i")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,i=4096,s=QSXCR+Q6sek8bf92", .missingAttribute("s")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf9,i=4096", .invalidSalt("QSXCR+Q6sek8bf9")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR*Q6sek8bf92,i=4096", .invalidSalt("QSXCR*Q6sek8bf92")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=,i=4096", .invalidSalt("")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=0", .iterationCountOutOfRange(0, accepted: 4096 ... 1_000_000)),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=4095", .iterationCountOutOfRange(4095, accepted: 4096 ... 1_000_000)),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=1000001", .iterationCountOutOfRange(1_000_001, accepted: 4096 ... 1_000_000)),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=four", .invalidIterationCount("four")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=-4096", .invalidIterationCount("-4096")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=", .invalidIterationCount("")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=99999999999999999999", .invalidIterationCount("99999999999999999999")),
        ("m=ext,r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=4096", .mandatoryExtensionNotSupported("ext")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rf c,s=QSXCR+Q6sek8bf92,i=4096", .invalidServerNonce("fyko+d2lbbFgONRv9qkxdawL3rf c")),
        ("hello", .malformedServerMessage("\"hello\" is not an a=value attribute")),
        ("r=fyko+d2lbbFgONRv9qkxdawL3rfc,,i=4096", .malformedServerMessage("\"\" is not an a=value attribute")),
    ]

    @Test(arguments: malformedServerFirst)
    func malformedServerFirstGivesASpecificError(message: String, expected: SASLError) throws {
        var client = try startedClient()
        #expect(throws: expected) {
            try client.receiveChallenge(bytes(message))
        }
        #expect(throws: SASLError.exchangeNotInProgress) {
            try client.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        }
    }

    @Test func serverFirstThatIsNotUTF8IsRefused() throws {
        var client = try startedClient()
        #expect(throws: SASLError.serverMessageNotUTF8) {
            try client.receiveChallenge([0x72, 0x3D, 0xFF, 0xFE])
        }
    }

    @Test func extensionsAfterTheIterationCountAreIgnored() throws {
        var client = try startedClient()
        // The extension is part of server-first and so of the AuthMessage: the proof
        // differs from the vector's, but the exchange proceeds.
        let clientFinal = try client.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst + ",x=future"))
        #expect(String(decoding: clientFinal, as: UTF8.self).hasPrefix("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p="))
    }

    @Test func acceptedIterationsCanBeLowered() throws {
        var client = try SCRAMClient(
            hash: .sha1, username: "user", password: "pencil", channelBinding: .notSupported,
            keyCache: nil, acceptedIterations: 1 ... 4096, clientNonce: "fyko+d2lbbFgONRv9qkxdawL"
        )
        _ = try client.initialResponse()
        _ = try client.receiveChallenge(bytes("r=fyko+d2lbbFgONRv9qkxdawL3rfc,s=QSXCR+Q6sek8bf92,i=1"))
    }

    @Test func escapesCommaAndEqualsInTheUsername() throws {
        var client = try SCRAMVector.rfc5802.client(username: "a,b=c")
        #expect(try client.initialResponse() == bytes("n,,n=a=2Cb=3Dc,r=fyko+d2lbbFgONRv9qkxdawL"))
    }

    @Test func preparesUsernameAndPasswordWithSASLprep() throws {
        // U+00AD is mapped to nothing, so "pen\u{00AD}cil" is the RFC's "pencil".
        var client = try SCRAMVector.rfc5802.client(username: "us\u{00AD}er", password: "pen\u{00AD}cil")
        #expect(try client.initialResponse() == bytes(SCRAMVector.rfc5802.clientFirst))
        #expect(try client.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst)) == bytes(SCRAMVector.rfc5802.clientFinal))
    }

    @Test func refusesCredentialsSASLprepProhibits() {
        #expect(throws: SASLError.passwordPreparationFailed(.prohibitedCharacter("\u{0007}", table: .asciiControl))) {
            try SCRAMVector.rfc5802.client(password: "pen\u{0007}cil")
        }
        #expect(throws: SASLError.usernamePreparationFailed(.prohibitedCharacter("\u{E000}", table: .privateUse))) {
            try SCRAMVector.rfc5802.client(username: "user\u{E000}")
        }
    }

    @Test func refusesBindingWithoutData() {
        #expect(throws: SASLError.emptyChannelBindingData(.tlsExporter)) {
            try SCRAMClient(
                hash: .sha256, username: "user", password: "pencil",
                channelBinding: .bound(ChannelBinding(type: .tlsExporter, data: []))
            )
        }
    }

    @Test func eventsOutOfOrderAreRefused() throws {
        var client = try startedClient()
        #expect(throws: SASLError.exchangeNotInProgress) { try client.initialResponse() }

        var fresh = try SCRAMVector.rfc5802.client()
        #expect(throws: SASLError.exchangeNotInProgress) {
            try fresh.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        }

        var done = try startedClient()
        _ = try done.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFirst))
        _ = try done.receiveChallenge(bytes(SCRAMVector.rfc5802.serverFinal))
        #expect(throws: SASLError.unexpectedChallenge) { try done.receiveChallenge([]) }
    }

    @Test func generatesAFreshRandomNonce() throws {
        var first = try SCRAMClient(hash: .sha256, username: "user", password: "pencil", channelBinding: .notSupported)
        var second = try SCRAMClient(hash: .sha256, username: "user", password: "pencil", channelBinding: .notSupported)
        let firstMessage = String(decoding: try first.initialResponse(), as: UTF8.self)
        let secondMessage = String(decoding: try second.initialResponse(), as: UTF8.self)
        #expect(firstMessage.hasPrefix("n,,n=user,r="))
        #expect(firstMessage.count == "n,,n=user,r=".count + 32)
        #expect(firstMessage != secondMessage)
    }

    @Test func descriptionsDoNotRevealThePassword() throws {
        var client = try SCRAMVector.rfc5802.client(password: "pencil")
        _ = try client.initialResponse()
        var dumped = ""
        dump(client, to: &dumped)
        #expect(String(describing: client) == "SCRAMClient(SCRAM-SHA-1, awaiting server-first)")
        // The default mirror would list the state's password bytes: "password", "- 112", …
        #expect(dumped.contains("awaiting server-first"))
        #expect(!dumped.contains("password") && !dumped.contains("- 112"))
    }
}
