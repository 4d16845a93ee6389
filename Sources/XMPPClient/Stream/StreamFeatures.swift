/// What a server offers in `<stream:features/>` (RFC 6120 §4.3), read into the facts the
/// negotiation decides on.
public struct StreamFeatures: Sendable, Equatable {
    public static let tlsNamespace = "urn:ietf:params:xml:ns:xmpp-tls"
    public static let saslNamespace = "urn:ietf:params:xml:ns:xmpp-sasl"
    public static let bindNamespace = "urn:ietf:params:xml:ns:xmpp-bind"
    public static let sessionNamespace = "urn:ietf:params:xml:ns:xmpp-session"
    public static let streamManagementNamespace = "urn:xmpp:sm:3"
    public static let channelBindingNamespace = "urn:xmpp:sasl-cb:0"

    public var startTLSOffered: Bool
    /// `<starttls/>` carries `<required/>`.
    public var startTLSRequired: Bool
    /// SASL mechanism names, in the server's order.
    public var mechanisms: [String]
    /// XEP-0440 channel-binding types; nil when the server does not announce them.
    public var channelBindingTypes: [String]?
    public var bind: Bool
    /// The legacy session IQ (RFC 3921) is offered and not marked `<optional/>`.
    public var sessionRequired: Bool
    public var streamManagement: Bool
    public var rosterVersioning: Bool

    public init(_ features: XMLElement) {
        let startTLS = features.element("starttls", namespace: Self.tlsNamespace)
        startTLSOffered = startTLS != nil
        startTLSRequired = startTLS?.element("required") != nil
        mechanisms = features.element("mechanisms", namespace: Self.saslNamespace)?
            .elements.filter { $0.name == "mechanism" }.map(\.text) ?? []
        channelBindingTypes = features.element("sasl-channel-binding", namespace: Self.channelBindingNamespace)?
            .elements.compactMap { $0.name == "channel-binding" ? $0.attribute("type") : nil }
        bind = features.element("bind", namespace: Self.bindNamespace) != nil
        let session = features.element("session", namespace: Self.sessionNamespace)
        sessionRequired = session != nil && session?.element("optional") == nil
        streamManagement = features.element("sm", namespace: Self.streamManagementNamespace) != nil
        rosterVersioning = features.element("ver", namespace: "urn:xmpp:features:rosterver") != nil
    }
}
