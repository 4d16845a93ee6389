import NIOCore
import Testing
@testable import XMPPClient

@Suite("OpenSSLTLSHandler over loopback TCP", .timeLimit(.minutes(1)))
struct OpenSSLTLSHandlerTests {
    let certificates: TestCertificates

    init() throws {
        certificates = try TestCertificates.get()
    }

    private func server(
        _ identity: TestCertificates.Identity? = nil,
        minimumVersion: TLSProtocolVersion = .tls1_2,
        maximumVersion: TLSProtocolVersion? = nil,
        applicationProtocols: [String] = []
    ) throws -> TLSContext {
        let identity = identity ?? certificates.iotTest
        return try TLSContext(
            serverCertificateChainFile: identity.certificatePath,
            privateKeyFile: identity.keyPath,
            minimumVersion: minimumVersion,
            maximumVersion: maximumVersion,
            applicationProtocols: applicationProtocols
        )
    }

    private func client(
        trusting trustRoots: TLSTrustRoots? = nil,
        maximumVersion: TLSProtocolVersion? = nil,
        pins: [String] = [],
        applicationProtocols: [String] = []
    ) throws -> TLSContext {
        try TLSContext(
            trustRoots: trustRoots ?? .caFile(path: certificates.ca.certificatePath),
            maximumVersion: maximumVersion,
            pins: pins.map { pin throws(TLSContextError) in try SPKIPin(base64: pin) },
            applicationProtocols: applicationProtocols
        )
    }

    private func clientError(_ outcome: TLSLoopback.Outcome) -> TLSError? {
        guard case .failure(let error) = outcome.client else { return nil }
        return error as? TLSError
    }

    // MARK: Successful handshakes

    @Test("TLS 1.3: data both ways, identical tls-exporter, no tls-unique")
    func tls13() async throws {
        let outcome = try await TLSLoopback.run(server: server(), client: client())
        let client = try outcome.client.get()
        let server = try outcome.server.get()
        #expect(try outcome.echo.get() == TLSLoopback.message)
        #expect(client.protocolVersion == .tls1_3)
        #expect(server.protocolVersion == .tls1_3)
        #expect(client.cipherSuite == server.cipherSuite)
        #expect(client.cipherSuite.hasPrefix("TLS_"))
        let exporter = try #require(client.channelBinding(.tlsExporter))
        #expect(exporter.count == 32)
        #expect(server.channelBinding(.tlsExporter) == exporter)
        #expect(client.channelBinding(.tlsUnique) == nil)
        #expect(server.channelBinding(.tlsUnique) == nil)
    }

    @Test("TLS 1.2, forced by either side: data both ways, identical tls-unique and tls-exporter",
          arguments: [(TLSProtocolVersion?.some(.tls1_2), TLSProtocolVersion?.none), (nil, .tls1_2)])
    func tls12(clientMaximum: TLSProtocolVersion?, serverMaximum: TLSProtocolVersion?) async throws {
        let outcome = try await TLSLoopback.run(
            server: server(maximumVersion: serverMaximum), client: client(maximumVersion: clientMaximum)
        )
        let client = try outcome.client.get()
        let server = try outcome.server.get()
        #expect(try outcome.echo.get() == TLSLoopback.message)
        #expect(client.protocolVersion == .tls1_2)
        #expect(server.protocolVersion == .tls1_2)
        // The client's Finished message: 12 bytes of verify_data in TLS 1.2.
        let unique = try #require(client.channelBinding(.tlsUnique))
        #expect(unique.count == 12)
        #expect(server.channelBinding(.tlsUnique) == unique)
        let exporter = try #require(client.channelBinding(.tlsExporter))
        #expect(server.channelBinding(.tlsExporter) == exporter)
    }

    @Test("tls-server-end-point is the certificate's DER hashed with its signature hash",
          arguments: [TLSProtocolVersion.tls1_2, .tls1_3])
    func serverEndPoint(version: TLSProtocolVersion) async throws {
        let sha256Outcome = try await TLSLoopback.run(server: server(), client: client(maximumVersion: version))
        let sha256Expected = certificates.iotTest.derSHA256
        #expect(sha256Expected.count == 32)
        #expect(try sha256Outcome.client.get().channelBinding(.tlsServerEndPoint) == sha256Expected)
        #expect(try sha256Outcome.server.get().channelBinding(.tlsServerEndPoint) == sha256Expected)

        let sha384Outcome = try await TLSLoopback.run(
            server: server(certificates.iotTestSHA384), client: client(maximumVersion: version)
        )
        let sha384Expected = certificates.iotTestSHA384.derSHA384
        #expect(sha384Expected.count == 48)
        #expect(try sha384Outcome.client.get().channelBinding(.tlsServerEndPoint) == sha384Expected)
        #expect(try sha384Outcome.server.get().channelBinding(.tlsServerEndPoint) == sha384Expected)
    }

    @Test("ALPN xmpp-client is negotiated when both offer it, absent otherwise")
    func applicationProtocol() async throws {
        let agreed = try await TLSLoopback.run(
            server: server(applicationProtocols: ["xmpp-client"]),
            client: client(applicationProtocols: ["xmpp-client"])
        )
        #expect(try agreed.client.get().applicationProtocol == "xmpp-client")
        #expect(try agreed.server.get().applicationProtocol == "xmpp-client")

        let serverWithout = try await TLSLoopback.run(server: server(), client: client(applicationProtocols: ["xmpp-client"]))
        #expect(try serverWithout.client.get().applicationProtocol == nil)
    }

    // MARK: Verification

    @Test("a certificate from a CA we do not trust is refused")
    func untrustedCA() async throws {
        let outcome = try await TLSLoopback.run(
            server: server(), client: client(trusting: .caFile(path: certificates.otherCA.certificatePath))
        )
        #expect(clientError(outcome) == .certificateUntrusted(reason: "unable to get local issuer certificate"))
        #expect(throws: (any Error).self) { try outcome.server.get() }
        #expect(throws: (any Error).self) { try outcome.echo.get() }
    }

    @Test("a self-signed certificate is refused")
    func selfSigned() async throws {
        let outcome = try await TLSLoopback.run(server: server(certificates.selfSigned), client: client())
        #expect(clientError(outcome) == .certificateUntrusted(reason: "self-signed certificate"))
    }

    @Test("the system store does not trust the test CA")
    func systemStore() async throws {
        let outcome = try await TLSLoopback.run(server: server(), client: client(trusting: .system))
        #expect(clientError(outcome) == .certificateUntrusted(reason: "unable to get local issuer certificate"))
    }

    @Test("a trusted certificate for another name is refused with the name we expected")
    func wrongHostname() async throws {
        let outcome = try await TLSLoopback.run(server: server(certificates.otherTest), client: client())
        #expect(clientError(outcome) == .hostnameMismatch(expected: "iot.test"))
        let named = try await TLSLoopback.run(server: server(certificates.otherTest), client: client(), serverName: "other.test")
        #expect(try named.client.get().protocolVersion == .tls1_3)
    }

    @Test("the server's address is not a name the certificate is checked against")
    func addressIsNoName() async throws {
        let outcome = try await TLSLoopback.run(server: server(), client: client(), serverName: "127.0.0.1")
        #expect(clientError(outcome) == .hostnameMismatch(expected: "127.0.0.1"))
    }

    @Test("a pin on the server's key or on the CA's key lets the connection through",
          arguments: [\TestCertificates.iotTest, \TestCertificates.ca])
    func pinMatches(pinned: KeyPath<TestCertificates, TestCertificates.Identity> & Sendable) async throws {
        let pin = certificates[keyPath: pinned].pin
        let outcome = try await TLSLoopback.run(server: server(), client: client(pins: [certificates.otherCA.pin, pin]))
        #expect(try outcome.echo.get() == TLSLoopback.message)
    }

    @Test("a pin on no key of the chain fails the handshake and names the keys seen",
          arguments: [TLSProtocolVersion.tls1_2, .tls1_3])
    func pinMismatch(version: TLSProtocolVersion) async throws {
        let outcome = try await TLSLoopback.run(
            server: server(), client: client(maximumVersion: version, pins: [certificates.otherCA.pin])
        )
        let expected = try SPKIPin(base64: certificates.otherCA.pin)
        let got = try [certificates.iotTest.pin, certificates.ca.pin].map { pin throws(TLSContextError) in try SPKIPin(base64: pin) }
        #expect(clientError(outcome) == .pinMismatch(expected: [expected], got: got))
        #expect(throws: (any Error).self) { try outcome.echo.get() }
        // Refused inside the handshake, so the server never completes one either.
        #expect(throws: (any Error).self) { try outcome.server.get() }
    }

    // MARK: Versions and broken peers

    @Test("a server that speaks only TLS 1.1 is refused")
    func tls11Server() async throws {
        let outcome = try await TLSLoopback.run(
            server: server(minimumVersion: .tls1_0, maximumVersion: .tls1_1), client: client()
        )
        #expect(clientError(outcome) == .protocolVersionTooOld)
    }

    @Test("a TLS 1.3-only server refuses a client capped at TLS 1.2, and the error says so")
    func cappedClient() async throws {
        let outcome = try await TLSLoopback.run(
            server: server(minimumVersion: .tls1_3), client: client(maximumVersion: .tls1_2)
        )
        #expect(clientError(outcome) == .protocolVersionRefused(ourMaximum: .tls1_2))
    }

    @Test("a peer that answers the ClientHello with garbage fails the handshake")
    func garbagePeer() async throws {
        let result = try await TLSLoopback.runAgainstScriptedPeer(
            client: client(), reply: "HTTP/1.1 400 Bad Request\r\n\r\n", closesAfterReply: false
        )
        guard case .failure(let error) = result, case .handshakeFailed(let openSSLError)? = error as? TLSError else {
            Issue.record("expected handshakeFailed, got \(result)")
            return
        }
        #expect(openSSLError.contains("wrong version number"))
    }

    @Test("a peer that closes during the handshake is reported as such")
    func peerCloses() async throws {
        let result = try await TLSLoopback.runAgainstScriptedPeer(client: client(), reply: "", closesAfterReply: true)
        guard case .failure(let error) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(error as? TLSError == .peerClosed)
    }
}
