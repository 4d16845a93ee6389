import Testing
@testable import XMPPClient

/// Drives the negotiation as a server would: each reply is XML text parsed by a real
/// stream parser, which is replaced whenever the machine opens a new stream.
private struct ScriptedServer {
    var machine: StreamNegotiation
    private var parser = XMLStreamParser()

    init(_ configuration: StreamNegotiation.Configuration = .test, resumption: StreamNegotiation.Resumption? = nil) {
        machine = StreamNegotiation(configuration: configuration, resumption: resumption)
    }

    mutating func start() -> [StreamNegotiation.Action] {
        record(machine.start(directTLS: nil))
    }

    mutating func tlsEstablished() -> [StreamNegotiation.Action] {
        record(machine.tlsEstablished(channelBindings: []))
    }

    mutating func reply(_ xml: String) -> [StreamNegotiation.Action] {
        var actions: [StreamNegotiation.Action] = []
        for event in parser.feed(xml) { actions += machine.receive(event) }
        return record(actions)
    }

    private mutating func record(_ actions: [StreamNegotiation.Action]) -> [StreamNegotiation.Action] {
        if actions.contains(where: { if case .openStream = $0 { true } else { false } }) { parser = XMLStreamParser() }
        return actions
    }
}

private let header = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' from='iot.test' id='s' version='1.0'>"
private let startTLSFeatures = header + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>"
private let saslFeatures = header + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms></stream:features>"
private let boundFeatures = header + """
    <stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><session xmlns='urn:ietf:params:xml:ns:xmpp-session'>\
    <optional/></session><sm xmlns='urn:xmpp:sm:3'/><ver xmlns='urn:xmpp:features:rosterver'/></stream:features>
    """
private let success = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"

extension StreamNegotiation.Configuration {
    static var test: Self {
        Self(account: try! JID("gw@iot.test"), password: "secret", resource: "thermo", allowPLAIN: true)
    }
}

private func xml(_ action: StreamNegotiation.Action?) -> String? {
    switch action {
    case .send(let element)?: XMLSerializer.clientStream.string(element)
    case .openStream(let text)?: text
    default: nil
    }
}

@Suite struct StreamNegotiationTests {
    /// Up to the point where the server offers binding, as Prosody does it.
    private func authenticated(_ server: inout ScriptedServer) {
        #expect(xml(server.start().first)?.contains("to='iot.test'") == true)
        #expect(xml(server.reply(startTLSFeatures).first) == "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        #expect(server.reply("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>") == [.startTLS])
        #expect(xml(server.tlsEstablished().first)?.contains("from='gw@iot.test'") == true)
        // PLAIN: authzid empty, "gw", "secret".
        #expect(xml(server.reply(saslFeatures).first)
            == "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGd3AHNlY3JldA==</auth>")
        guard case .openStream? = server.reply(success).first else { Issue.record("no restart after SASL"); return }
    }

    @Test func negotiatesTLSAuthenticationBindingAndStreamManagement() throws {
        var server = ScriptedServer()
        authenticated(&server)
        #expect(xml(server.reply(boundFeatures).first) == """
            <iq type='set' id='bind_1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>thermo</resource></bind></iq>
            """)
        #expect(xml(server.reply("""
            <iq type='result' id='bind_1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>gw@iot.test/thermo</jid></bind></iq>
            """).first) == "<enable xmlns='urn:xmpp:sm:3' resume='true'/>")
        let actions = server.reply("<enabled xmlns='urn:xmpp:sm:3' id='sm-1' resume='true' max='600'/>")
        var expected = SessionEstablished(jid: try JID("gw@iot.test/thermo"), resourceChanged: false, mechanism: .plain,
                                          streamManagement: .enabled(resumptionID: "sm-1", maxSeconds: 600), rosterVersioning: true)
        #expect(actions == [.established(expected)])
        expected.streamManagement = .unavailable
        #expect(actions != [.established(expected)])
    }

    @Test func reportsAResourceTheServerChanged() throws {
        var server = ScriptedServer()
        authenticated(&server)
        _ = server.reply(header + "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>")
        let actions = server.reply("""
            <iq type='result' id='bind_1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>gw@iot.test/thermo-7f3</jid></bind></iq>
            """)
        guard case .established(let established)? = actions.first else { Issue.record("not established"); return }
        #expect(established.resourceChanged && established.jid.resource == "thermo-7f3")
        #expect(established.streamManagement == .unavailable)
    }

    @Test func sendsTheLegacySessionIQOnlyWhenRequired() {
        var server = ScriptedServer()
        authenticated(&server)
        _ = server.reply(header + """
            <stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></stream:features>
            """)
        let actions = server.reply("<iq type='result' id='bind_1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>gw@iot.test/thermo</jid></bind></iq>")
        #expect(xml(actions.first) == "<iq type='set' id='session_1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>")
        guard case .established? = server.reply("<iq type='result' id='session_1'/>").first else {
            Issue.record("not established after the session IQ")
            return
        }
    }

    @Test func refusesToContinueWithoutTLS() {
        var server = ScriptedServer()
        _ = server.start()
        #expect(server.reply(saslFeatures) == [.fail(.tlsNotOffered)])
        #expect(SessionError.tlsNotOffered.isPermanent)
    }

    @Test func refusesPLAINWithoutTLSEvenWhenPlaintextIsAllowed() {
        var configuration = StreamNegotiation.Configuration.test
        configuration.allowPlaintext = true
        var server = ScriptedServer(configuration)
        _ = server.start()
        guard case .fail(.noAcceptableMechanism(let error))? = server.reply(saslFeatures).first else {
            Issue.record("PLAIN was used without TLS")
            return
        }
        #expect(error.description.contains("PLAIN"))
    }

    @Test func reportsARefusedStartTLS() {
        var server = ScriptedServer()
        _ = server.start()
        _ = server.reply(startTLSFeatures)
        #expect(server.reply("<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>") == [.fail(.startTLSRefused)])
    }

    @Test func reportsARefusedLoginAsPermanent() {
        var server = ScriptedServer()
        _ = server.start()
        _ = server.reply(startTLSFeatures)
        _ = server.reply("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        _ = server.tlsEstablished()
        _ = server.reply(saslFeatures)
        let actions = server.reply("""
            <failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/><text xml:lang='en'>Invalid username or password</text></failure>
            """)
        let expected = SessionError.authenticationFailed(condition: "not-authorized", text: "Invalid username or password")
        #expect(actions == [.fail(expected)])
        #expect(expected.isPermanent)
    }

    @Test func reportsAStreamErrorFromTheServer() {
        var server = ScriptedServer()
        _ = server.start()
        let actions = server.reply(header + """
            <stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>\
            <text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Replaced by new connection</text></stream:error>
            """)
        #expect(actions == [.fail(.streamError(condition: .conflict, text: "Replaced by new connection"))])
        #expect(!SessionError.streamError(condition: .conflict, text: nil).isPermanent)
    }

    @Test func reportsMalformedXMLAndOutOfOrderElements() {
        var server = ScriptedServer()
        _ = server.start()
        guard case .fail(.malformedStream(let error))? = server.reply(header + "<!-- hi -->").first else {
            Issue.record("accepted a comment")
            return
        }
        #expect(error.condition == .restrictedXML)
        var other = ScriptedServer()
        _ = other.start()
        #expect(other.reply(header + "<message/>") == [.fail(.unexpected("<message> before the stream features"))])
    }

    @Test func resumesAnEarlierStream() {
        var server = ScriptedServer(resumption: StreamNegotiation.Resumption(id: "sm-1", inboundHandled: 17))
        authenticated(&server)
        #expect(xml(server.reply(boundFeatures).first) == "<resume xmlns='urn:xmpp:sm:3' h='17' previd='sm-1'/>")
        guard case .established(let established)? = server.reply("<resumed xmlns='urn:xmpp:sm:3' h='42' previd='sm-1'/>").first else {
            Issue.record("not resumed")
            return
        }
        #expect(established.streamManagement == .resumed(h: 42))
    }

    @Test func bindsAnewWhenResumptionFails() throws {
        var server = ScriptedServer(resumption: StreamNegotiation.Resumption(id: "sm-1", inboundHandled: 17))
        authenticated(&server)
        _ = server.reply(boundFeatures)
        let bind = server.reply("<failed xmlns='urn:xmpp:sm:3' h='3'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></failed>")
        #expect(xml(bind.first)?.hasPrefix("<iq type='set' id='bind_1'>") == true)
        _ = server.reply("<iq type='result' id='bind_1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>gw@iot.test/thermo</jid></bind></iq>")
        guard case .established(let established)? = server.reply("<enabled xmlns='urn:xmpp:sm:3' id='sm-2' resume='1'/>").first else {
            Issue.record("not established")
            return
        }
        #expect(established.failedResumption == SessionEstablished.FailedResumption(h: 3))
        #expect(established.streamManagement == .enabled(resumptionID: "sm-2", maxSeconds: nil))
    }

    @Test func reportsABindConflict() {
        var server = ScriptedServer()
        authenticated(&server)
        _ = server.reply(boundFeatures)
        let actions = server.reply("""
            <iq type='error' id='bind_1'><error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>
            """)
        #expect(actions == [.fail(.bindFailed(StanzaError(.conflict, kind: .cancel)))])
    }

    /// Up to server-first of a SCRAM-SHA-1 login through `cache`; returns what the machine
    /// did with server-first.
    private func scramChallenge(_ server: inout ScriptedServer) throws -> [StreamNegotiation.Action] {
        _ = server.start()
        _ = server.reply(startTLSFeatures)
        _ = server.reply("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
        _ = server.tlsEstablished()
        let auth = try #require(xml(server.reply(header + """
            <stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>SCRAM-SHA-1</mechanism>\
            </mechanisms></stream:features>
            """).first))
        let clientFirst = try #require(auth.split(separator: ">").dropFirst().first?.split(separator: "<").first)
        let nonce = try #require(String(decoding: Base64.decode(clientFirst) ?? [], as: UTF8.self).split(separator: "r=").last)
        let serverFirst = "r=\(nonce)server,s=\(Base64.encode(Array("salt".utf8))),i=4096"
        return server.reply("<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>\(Base64.encode(Array(serverFirst.utf8)))</challenge>")
    }

    /// PBKDF2 is handed out as an action to run off the event loop, and the login waits
    /// for it; a second login through the same cache needs none.
    @Test func asksForTheKeyDerivationInsteadOfRunningPBKDF2Itself() throws {
        var configuration = StreamNegotiation.Configuration.test
        configuration.keyCache = SCRAMKeyCache()
        var first = ScriptedServer(configuration)
        let actions = try scramChallenge(&first)
        guard case .deriveKeys(let derivation)? = actions.first, actions.count == 1 else {
            Issue.record("expected only a key derivation, got \(actions)")
            return
        }
        #expect(configuration.keyCache?.derivationCount == 0)
        #expect(!"\(derivation)".contains("secret"))
        let response = first.machine.keysDerived(.success(try derivation.run()))
        #expect(xml(response.first)?.contains("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>") == true)

        var second = ScriptedServer(configuration)
        #expect(xml(try scramChallenge(&second).first)?.contains("<response") == true)
        #expect(configuration.keyCache?.derivationCount == 1)
    }

    @Test func failsTheLoginWhenTheDerivationFails() throws {
        var configuration = StreamNegotiation.Configuration.test
        configuration.keyCache = SCRAMKeyCache()
        var server = ScriptedServer(configuration)
        _ = try scramChallenge(&server)
        let failure = CryptoError.keyDerivationFailed(.sha1, openSSL: "test")
        #expect(server.machine.keysDerived(.failure(failure)) == [.fail(.sasl(.crypto(failure)))])
    }
}
