import Testing
@testable import XMPPClient

@Suite struct SASLMechanismChoiceTests {
    static let exporter = ChannelBinding(type: .tlsExporter, data: Array(repeating: 0xE1, count: 32))
    static let unique = ChannelBinding(type: .tlsUnique, data: Array(repeating: 0x0F, count: 12))
    static let endPoint = ChannelBinding(type: .tlsServerEndPoint, data: Array(repeating: 0x5E, count: 32))
    /// What the TLS layer can supply on each protocol version.
    static let tls12Bindings = [unique, endPoint]
    static let tls13Bindings = [exporter, endPoint]

    static let prosody012TLS12 = ["SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "PLAIN"]
    static let prosody012TLS13 = ["SCRAM-SHA-1", "PLAIN"]
    static let ejabberd = [
        "SCRAM-SHA-512-PLUS", "SCRAM-SHA-512", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-256",
        "SCRAM-SHA-1-PLUS", "SCRAM-SHA-1", "PLAIN", "DIGEST-MD5", "X-OAUTH2",
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var offered: [String]
        var serverTypes: Set<ChannelBindingType>? = nil
        var isTLS = true
        var bindings: [ChannelBinding] = []
        var allowPLAIN = true
        var expected: SASLMechanismChoice
    }

    static let cases: [Case] = [
        Case(testDescription: "Prosody 0.12, TLS 1.2: SHA-1-PLUS over the assumed tls-unique",
             offered: prosody012TLS12, bindings: tls12Bindings, expected: .scram(.sha1, .bound(unique))),
        Case(testDescription: "Prosody 0.12, TLS 1.3: no -PLUS offered, so y",
             offered: prosody012TLS13, bindings: tls13Bindings, expected: .scram(.sha1, .supportedButNotOffered)),
        Case(testDescription: "ejabberd, TLS 1.2: SHA-512-PLUS over tls-unique",
             offered: ejabberd, bindings: tls12Bindings, expected: .scram(.sha512, .bound(unique))),
        Case(testDescription: "ejabberd, TLS 1.3: -PLUS offered but tls-unique impossible, so n",
             offered: ejabberd, bindings: tls13Bindings, expected: .scram(.sha512, .notSupported)),
        Case(testDescription: "XEP-0440 server on TLS 1.3: tls-exporter preferred",
             offered: ["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-1"],
             serverTypes: [.tlsExporter, .tlsServerEndPoint], bindings: tls13Bindings,
             expected: .scram(.sha256, .bound(exporter))),
        Case(testDescription: "XEP-0440 server announcing only tls-server-end-point",
             offered: ["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"],
             serverTypes: [.tlsServerEndPoint], bindings: tls13Bindings,
             expected: .scram(.sha256, .bound(endPoint))),
        Case(testDescription: "XEP-0440 announcement replaces the tls-unique assumption",
             offered: prosody012TLS12, serverTypes: [.tlsExporter], bindings: tls12Bindings,
             expected: .scram(.sha1, .notSupported)),
        Case(testDescription: "TLS without binding data: n",
             offered: prosody012TLS13, expected: .scram(.sha1, .notSupported)),
        Case(testDescription: "no TLS: binding data ignored, SCRAM unbound",
             offered: prosody012TLS12, isTLS: false, bindings: tls12Bindings, expected: .scram(.sha1, .notSupported)),
        Case(testDescription: "SHA-256 preferred over SHA-1 without binding",
             offered: ["SCRAM-SHA-1", "SCRAM-SHA-256"], expected: .scram(.sha256, .notSupported)),
        Case(testDescription: "PLAIN over TLS when allowed and nothing better",
             offered: ["PLAIN", "DIGEST-MD5"], expected: .plain),
    ]

    @Test(arguments: cases)
    func picksTheMostPreferredAcceptableMechanism(_ testCase: Case) throws {
        let choice = try SASLMechanismChoice.select(
            offeredMechanisms: testCase.offered,
            serverChannelBindingTypes: testCase.serverTypes,
            isTLS: testCase.isTLS,
            channelBindings: testCase.bindings,
            allowPLAIN: testCase.allowPLAIN
        )
        #expect(choice == testCase.expected)
    }

    @Test func mechanismNamesFollowTheChoice() {
        #expect(SASLMechanismChoice.scram(.sha1, .bound(Self.unique)).mechanism == .scramSHA1Plus)
        #expect(SASLMechanismChoice.scram(.sha512, .supportedButNotOffered).mechanism == .scramSHA512)
        #expect(SASLMechanismChoice.plain.mechanism.rawValue == "PLAIN")
    }

    private func refusal(
        offered: [String], serverTypes: Set<ChannelBindingType>? = nil, isTLS: Bool = true,
        bindings: [ChannelBinding] = [], allowPLAIN: Bool = true
    ) throws -> SASLMechanismSelectionError {
        try #require(throws: SASLMechanismSelectionError.self) {
            try SASLMechanismChoice.select(
                offeredMechanisms: offered, serverChannelBindingTypes: serverTypes, isTLS: isTLS,
                channelBindings: bindings, allowPLAIN: allowPLAIN
            )
        }
    }

    @Test func plainIsRefusedWithoutTLS() throws {
        let error = try refusal(offered: ["PLAIN"], isTLS: false)
        #expect(error.refusals == [SASLMechanismRefusal(mechanism: "PLAIN", reason: .plainRequiresTLS)])
        #expect(error.description == "no acceptable SASL mechanism: server offered PLAIN; PLAIN refused: not over TLS")
    }

    @Test func plainIsRefusedWhenTheConfigForbidsIt() throws {
        let error = try refusal(offered: ["DIGEST-MD5", "X-OAUTH2", "PLAIN"], allowPLAIN: false)
        #expect(error.offeredMechanisms == ["DIGEST-MD5", "X-OAUTH2", "PLAIN"])
        #expect(error.refusals.map(\.description) == [
            "DIGEST-MD5 refused: insecure, never used",
            "X-OAUTH2 refused: not implemented by this client",
            "PLAIN refused: not allowed by config (allowPLAIN is false)",
        ])
    }

    @Test func plusWithoutTLSIsRefused() throws {
        let error = try refusal(offered: ["SCRAM-SHA-1-PLUS", "CRAM-MD5"], isTLS: false)
        #expect(error.refusals == [
            SASLMechanismRefusal(mechanism: "SCRAM-SHA-1-PLUS", reason: .channelBindingRequiresTLS),
            SASLMechanismRefusal(mechanism: "CRAM-MD5", reason: .insecure),
        ])
    }

    @Test func plusWithoutACommonBindingTypeSaysWhichTypesEachSideHas() throws {
        let error = try refusal(offered: ["SCRAM-SHA-256-PLUS"], bindings: Self.tls13Bindings)
        #expect(error.refusals == [SASLMechanismRefusal(
            mechanism: "SCRAM-SHA-256-PLUS",
            reason: .noCommonChannelBindingType(tls: [.tlsExporter, .tlsServerEndPoint], server: [.tlsUnique], serverAnnounced: false)
        )])
        #expect(error.refusals[0].description == "SCRAM-SHA-256-PLUS refused: no channel-binding type in common"
            + " (TLS layer has tls-exporter, tls-server-end-point; server supports tls-unique (assumed: no XEP-0440 announcement))")
    }

    @Test func noOfferedMechanismsIsAnError() throws {
        let error = try refusal(offered: [])
        #expect(error.refusals.isEmpty)
        #expect(error.description == "no acceptable SASL mechanism: the server offered none")
    }
}
