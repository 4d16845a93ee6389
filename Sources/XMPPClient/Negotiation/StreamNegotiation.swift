/// Stream negotiation as a pure state machine (RFC 6120 §4–§7, XEP-0198): STARTTLS, SASL,
/// resource binding or stream resumption, then stream management. The channel handler
/// feeds it events and performs the actions it returns; tests drive it with no socket.
///
/// It never continues without TLS unless the configuration explicitly allows plaintext,
/// never offers credentials before TLS, verifies the SCRAM server signature before
/// trusting the login, and restarts the stream exactly after TLS and after SASL.
public struct StreamNegotiation: Sendable {
    public struct Configuration: Sendable {
        /// The account; its resource, if any, is ignored in favour of `resource`.
        public var account: JID
        public var password: String
        public var resource: String
        public var allowPLAIN: Bool
        /// Test-only: continue without TLS when the server does not offer it.
        public var allowPlaintext: Bool
        public var keyCache: SCRAMKeyCache?

        public init(account: JID, password: String, resource: String, allowPLAIN: Bool = false,
                    allowPlaintext: Bool = false, keyCache: SCRAMKeyCache? = nil) {
            self.account = account
            self.password = password
            self.resource = resource
            self.allowPLAIN = allowPLAIN
            self.allowPlaintext = allowPlaintext
            self.keyCache = keyCache
        }
    }

    /// An earlier stream to resume instead of binding anew.
    public struct Resumption: Sendable, Equatable {
        public var id: String
        /// How many of the server's stanzas we handled on that stream.
        public var inboundHandled: UInt32

        public init(id: String, inboundHandled: UInt32) {
            self.id = id
            self.inboundHandled = inboundHandled
        }
    }

    public enum Action: Sendable, Equatable {
        /// Start a new XML document: reset the parser, then send this stream header.
        case openStream(String)
        case send(XMLElement)
        /// Insert TLS into the connection now; then call `tlsEstablished`.
        case startTLS
        /// Run this PBKDF2 derivation off the event loop; then call `keysDerived`.
        case deriveKeys(SCRAMKeyDerivation)
        case established(SessionEstablished)
        /// Give up on this connection. When the fault was in the server's XML, send this
        /// stream error before closing.
        case fail(SessionError)
    }

    private enum State: Sendable {
        case idle
        case awaitingStreamHeader
        case awaitingFeatures
        case awaitingProceed
        case handshaking
        case authenticating(SASLClient)
        /// The server-first challenge waits for the derivation asked for by `.deriveKeys`.
        case derivingKeys(SASLClient, challenge: [UInt8])
        case resuming(Resumption, SASLMechanism)
        case binding(failedResumption: SessionEstablished.FailedResumption?, SASLMechanism)
        case startingSession(SessionEstablished)
        case enablingStreamManagement(SessionEstablished)
        case established
        case failed
    }

    private let configuration: Configuration
    private let resumption: Resumption?
    private var state = State.idle
    private var isTLS = false
    /// Set once the login succeeded.
    private var mechanism: SASLMechanism?
    private var channelBindings: [ChannelBinding] = []
    /// The features after authentication; binding and stream management depend on them.
    private var features: StreamFeatures?

    public init(configuration: Configuration, resumption: Resumption? = nil) {
        self.configuration = configuration
        self.resumption = resumption
    }

    /// The connection is up; `channelBindings` is non-nil when it is Direct TLS (XEP-0368).
    public mutating func start(directTLS channelBindings: [ChannelBinding]?) -> [Action] {
        if let channelBindings {
            isTLS = true
            self.channelBindings = channelBindings
        }
        return openStream()
    }

    /// The TLS handshake requested by `.startTLS` completed.
    public mutating func tlsEstablished(channelBindings: [ChannelBinding]) -> [Action] {
        guard case .handshaking = state else { return fail(.unexpected("a TLS handshake nobody asked for")) }
        isTLS = true
        self.channelBindings = channelBindings
        return openStream()
    }

    /// The derivation requested by `.deriveKeys` finished; the login continues.
    public mutating func keysDerived(_ result: Result<SCRAMKeys, CryptoError>) -> [Action] {
        guard case .derivingKeys(var client, let challenge) = state else {
            return fail(.unexpected("derived keys nobody asked for"))
        }
        let keys: SCRAMKeys
        switch result {
        case .success(let derived): keys = derived
        case .failure(let error): return fail(.sasl(.crypto(error)))
        }
        do {
            let response = try client.receiveChallenge(challenge, derivedKeys: keys)
            state = .authenticating(client)
            return [.send(Self.sasl("response", response))]
        } catch {
            return fail(.sasl(error))
        }
    }

    public mutating func receive(_ event: XMLStreamEvent) -> [Action] {
        switch event {
        case .streamOpened(let header):
            guard case .awaitingStreamHeader = state else { return fail(.unexpected("a second stream header")) }
            do {
                try StreamHeader.validate(header)
            } catch {
                return fail(.malformedStream(error))
            }
            state = .awaitingFeatures
            return []
        case .stanza(let element):
            if element.name == "error", element.namespace == XMLNamespace.streams {
                return fail(Self.streamError(element))
            }
            return receive(element)
        case .streamClosed:
            return fail(.connectionClosed("the server closed the stream"))
        case .failed(let error):
            return fail(.malformedStream(error))
        }
    }

    // MARK: - Steps

    private mutating func receive(_ element: XMLElement) -> [Action] {
        switch state {
        case .awaitingFeatures:
            guard element.name == "features", element.namespace == XMLNamespace.streams else {
                return fail(.unexpected("<\(element.name)> before the stream features"))
            }
            return negotiate(StreamFeatures(element))
        case .awaitingProceed:
            return proceedWithTLS(element)
        case .authenticating(var client):
            let actions = authenticate(element, &client)
            if case .authenticating = state { state = .authenticating(client) }
            return actions
        case .resuming(let resumption, let mechanism):
            return resume(element, resumption, mechanism)
        case .binding(let failedResumption, let mechanism):
            return bound(element, failedResumption, mechanism)
        case .startingSession(let established):
            guard let iq = try? IQ(element), iq.id == Self.sessionID else {
                return fail(.unexpected("<\(element.name)> while establishing the session"))
            }
            if let error = iq.error { return fail(.bindFailed(error)) }
            return enableStreamManagement(established)
        case .enablingStreamManagement(var established):
            guard element.namespace == StreamFeatures.streamManagementNamespace else {
                return fail(.unexpected("<\(element.name)> while enabling stream management"))
            }
            if element.name == "enabled" {
                let resumable = ["true", "1"].contains(element.attribute("resume") ?? "")
                established.streamManagement = .enabled(
                    resumptionID: resumable ? element.attribute("id") : nil,
                    maxSeconds: element.attribute("max").flatMap { Int($0) })
            }
            state = .established
            return [.established(established)]
        case .idle, .awaitingStreamHeader, .handshaking, .derivingKeys, .established, .failed:
            return fail(.unexpected("<\(element.name)>"))
        }
    }

    private mutating func negotiate(_ features: StreamFeatures) -> [Action] {
        if !isTLS {
            if features.startTLSOffered {
                state = .awaitingProceed
                return [.send(XMLElement("starttls", namespace: StreamFeatures.tlsNamespace))]
            }
            guard configuration.allowPlaintext else { return fail(.tlsNotOffered) }
        }
        guard let mechanism else { return startAuthentication(features) }
        self.features = features
        if let resumption, features.streamManagement {
            state = .resuming(resumption, mechanism)
            return [.send(XMLElement("resume", namespace: StreamFeatures.streamManagementNamespace, attributes: [
                "h": String(resumption.inboundHandled), "previd": resumption.id,
            ]))]
        }
        return bind(failedResumption: nil, mechanism)
    }

    private mutating func proceedWithTLS(_ element: XMLElement) -> [Action] {
        guard element.namespace == StreamFeatures.tlsNamespace else {
            return fail(.unexpected("<\(element.name)> instead of <proceed/>"))
        }
        guard element.name == "proceed" else { return fail(.startTLSRefused) }
        state = .handshaking
        return [.startTLS]
    }

    private mutating func startAuthentication(_ features: StreamFeatures) -> [Action] {
        do {
            let choice = try SASLMechanismChoice.select(
                offeredMechanisms: features.mechanisms,
                serverChannelBindingTypes: features.channelBindingTypes.map { Set($0.compactMap(ChannelBindingType.init(rawValue:))) },
                isTLS: isTLS, channelBindings: channelBindings, allowPLAIN: configuration.allowPLAIN)
            var client = try SASLClient(
                choice: choice, username: configuration.account.localpart ?? "",
                password: configuration.password, keyCache: configuration.keyCache)
            let payload = try client.initialResponse()
            state = .authenticating(client)
            return [.send(Self.sasl("auth", payload, attributes: ["mechanism": client.mechanism.rawValue]))]
        } catch let error as SASLMechanismSelectionError {
            return fail(.noAcceptableMechanism(error))
        } catch let error as SASLError {
            return fail(.sasl(error))
        } catch {
            return fail(.unexpected("\(error)"))
        }
    }

    private mutating func authenticate(_ element: XMLElement, _ client: inout SASLClient) -> [Action] {
        guard element.namespace == StreamFeatures.saslNamespace else {
            return fail(.unexpected("<\(element.name)> during authentication"))
        }
        guard let payload = Self.payload(element) else {
            return fail(.sasl(.malformedServerMessage("the <\(element.name)> payload is not base64")))
        }
        do {
            switch element.name {
            case "challenge":
                if let derivation = client.keyDerivation(forChallenge: payload) {
                    state = .derivingKeys(client, challenge: payload)
                    return [.deriveKeys(derivation)]
                }
                return [.send(Self.sasl("response", try client.receiveChallenge(payload)))]
            case "success":
                try client.receiveSuccess(payload)
                mechanism = client.mechanism
                return openStream()
            case "failure":
                let condition = element.elements.first { $0.name != "text" }?.name ?? "undefined"
                return fail(.authenticationFailed(condition: condition, text: element.element("text")?.text))
            default:
                return fail(.unexpected("<\(element.name)> during authentication"))
            }
        } catch {
            return fail(.sasl(error))
        }
    }

    private mutating func resume(_ element: XMLElement, _ resumption: Resumption, _ mechanism: SASLMechanism) -> [Action] {
        guard element.namespace == StreamFeatures.streamManagementNamespace else {
            return fail(.unexpected("<\(element.name)> while resuming"))
        }
        let h = element.attribute("h").flatMap { UInt32($0) }
        switch element.name {
        case "resumed":
            guard let h else { return fail(.unexpected("<resumed/> without h")) }
            state = .established
            return [.established(SessionEstablished(
                jid: (try? configuration.account.with(resource: configuration.resource)) ?? configuration.account,
                resourceChanged: false, mechanism: mechanism, streamManagement: .resumed(h: h),
                rosterVersioning: features?.rosterVersioning ?? false))]
        case "failed":
            return bind(failedResumption: SessionEstablished.FailedResumption(h: h), mechanism)
        default:
            return fail(.unexpected("<\(element.name)> while resuming"))
        }
    }

    private mutating func bind(failedResumption: SessionEstablished.FailedResumption?, _ mechanism: SASLMechanism) -> [Action] {
        state = .binding(failedResumption: failedResumption, mechanism)
        let resource = XMLElement("resource", namespace: StreamFeatures.bindNamespace, children: [.text(configuration.resource)])
        let bind = XMLElement("bind", namespace: StreamFeatures.bindNamespace, children: [.element(resource)])
        return [.send(IQ(kind: .set, id: Self.bindID, payload: bind).element)]
    }

    private mutating func bound(
        _ element: XMLElement, _ failedResumption: SessionEstablished.FailedResumption?, _ mechanism: SASLMechanism
    ) -> [Action] {
        guard let iq = try? IQ(element), iq.id == Self.bindID else {
            return fail(.unexpected("<\(element.name)> while binding the resource"))
        }
        if let error = iq.error { return fail(.bindFailed(error)) }
        guard let text = iq.payload?.element("jid", namespace: StreamFeatures.bindNamespace)?.text,
              let jid = try? JID(text), jid.resource != nil
        else { return fail(.unexpected("a bind result without a full JID")) }
        var established = SessionEstablished(
            jid: jid, resourceChanged: jid.resource != configuration.resource, mechanism: mechanism,
            streamManagement: .unavailable, rosterVersioning: features?.rosterVersioning ?? false)
        established.failedResumption = failedResumption
        if features?.sessionRequired == true {
            state = .startingSession(established)
            let session = XMLElement("session", namespace: StreamFeatures.sessionNamespace)
            return [.send(IQ(kind: .set, id: Self.sessionID, payload: session).element)]
        }
        return enableStreamManagement(established)
    }

    private mutating func enableStreamManagement(_ established: SessionEstablished) -> [Action] {
        guard features?.streamManagement == true else {
            state = .established
            return [.established(established)]
        }
        state = .enablingStreamManagement(established)
        return [.send(XMLElement("enable", namespace: StreamFeatures.streamManagementNamespace, attributes: ["resume": "true"]))]
    }

    private mutating func openStream() -> [Action] {
        state = .awaitingStreamHeader
        // The account is named only once the stream is encrypted.
        let from = isTLS ? configuration.account : nil
        return [.openStream(StreamHeader.opening(to: configuration.account.domain, from: from))]
    }

    private mutating func fail(_ error: SessionError) -> [Action] {
        state = .failed
        return [.fail(error)]
    }

    // MARK: - Wire shapes

    static let bindID = "bind_1"
    static let sessionID = "session_1"

    private static func sasl(_ name: String, _ payload: [UInt8], attributes: KeyValuePairs<String, String> = [:]) -> XMLElement {
        // RFC 6120 §6.4.2: an empty payload is sent as "=".
        let text = payload.isEmpty ? "=" : Base64.encode(payload)
        return XMLElement(name, namespace: StreamFeatures.saslNamespace, attributes: attributes, children: [.text(text)])
    }

    private static func payload(_ element: XMLElement) -> [UInt8]? {
        let text = element.text.filter { !$0.isWhitespace }
        if text.isEmpty || text == "=" { return [] }
        return Base64.decode(text)
    }

    private static func streamError(_ element: XMLElement) -> SessionError {
        let conditionElement = element.elements.first { $0.namespace == XMLNamespace.streamErrors && $0.name != "text" }
        let condition = conditionElement.flatMap { StreamErrorCondition(rawValue: $0.name) } ?? .undefinedCondition
        return .streamError(condition: condition, text: element.element("text", namespace: XMLNamespace.streamErrors)?.text)
    }
}
